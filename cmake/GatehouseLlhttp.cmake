# llhttp 8 is built from the C sources that Debian's node-llhttp package installs.
# They are never copied into this repository.
set(GATEHOUSE_LLHTTP_SOURCE_DIR /usr/share/llhttp CACHE PATH "Directory holding llhttp's api.c, http.c and llhttp.c")
set(GATEHOUSE_LLHTTP_INCLUDE_DIR /usr/share/include/llhttp CACHE PATH "Directory holding llhttp.h")

foreach(_file api.c http.c llhttp.c)
    if(NOT EXISTS "${GATEHOUSE_LLHTTP_SOURCE_DIR}/${_file}")
        message(FATAL_ERROR "llhttp source ${GATEHOUSE_LLHTTP_SOURCE_DIR}/${_file} not found: install Debian's node-llhttp package")
    endif()
endforeach()
if(NOT EXISTS "${GATEHOUSE_LLHTTP_INCLUDE_DIR}/llhttp.h")
    message(FATAL_ERROR "llhttp.h not found in ${GATEHOUSE_LLHTTP_INCLUDE_DIR}: install Debian's node-llhttp package")
endif()

file(STRINGS "${GATEHOUSE_LLHTTP_INCLUDE_DIR}/llhttp.h" _llhttp_major REGEX "^#define LLHTTP_VERSION_MAJOR ")
string(REGEX REPLACE ".* ([0-9]+)$" "\\1" _llhttp_major "${_llhttp_major}")
if(NOT _llhttp_major EQUAL 8)
    message(FATAL_ERROR "Gatehouse needs llhttp 8, found major version ${_llhttp_major}")
endif()

add_library(gatehouse_llhttp STATIC
    ${GATEHOUSE_LLHTTP_SOURCE_DIR}/api.c
    ${GATEHOUSE_LLHTTP_SOURCE_DIR}/http.c
    ${GATEHOUSE_LLHTTP_SOURCE_DIR}/llhttp.c)
target_include_directories(gatehouse_llhttp SYSTEM PUBLIC ${GATEHOUSE_LLHTTP_INCLUDE_DIR})
set_target_properties(gatehouse_llhttp PROPERTIES POSITION_INDEPENDENT_CODE ON C_STANDARD 99)
# Generated code: its warnings are not ours to fix.
target_compile_options(gatehouse_llhttp PRIVATE -w)
if(GATEHOUSE_SANITIZE)
    target_compile_options(gatehouse_llhttp PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
endif()
