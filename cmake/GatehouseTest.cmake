# gatehouse_add_test(NAME <name> SOURCES <files...> [LIBRARIES <targets...>] [GUI] [LABELS <labels...>]
#                    [LAUNCHER <script>])
#
# One Qt Test class per executable, registered with CTest. GUI tests run on the offscreen
# platform and carry the "gui" label; every other test links only what it names.
function(gatehouse_add_test)
    cmake_parse_arguments(ARG "GUI" "NAME;TIMEOUT;LAUNCHER" "SOURCES;LIBRARIES;LABELS;ENVIRONMENT" ${ARGN})
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE gatehouse_options Qt6::Test ${ARG_LIBRARIES})
    if(ARG_LAUNCHER)
        # The launcher sets up what the test needs around it (a D-Bus session, a keyring) and then runs it.
        add_test(NAME ${ARG_NAME} COMMAND ${ARG_LAUNCHER} $<TARGET_FILE:${ARG_NAME}>)
    else()
        add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    endif()
    set(_env "QT_QPA_PLATFORM=offscreen" "QT_FORCE_STDERR_LOGGING=1" ${ARG_ENVIRONMENT})
    set(_labels ${ARG_LABELS})
    if(ARG_GUI)
        list(APPEND _labels gui)
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${ARG_NAME} PROPERTIES ENVIRONMENT "${_env}" LABELS "${_labels}" TIMEOUT ${ARG_TIMEOUT})
endfunction()
