# Compile options shared by every Gatehouse target. Applied per target (never directory-wide)
# so that the llhttp C sources we build from Debian's package keep their own flags.
add_library(gatehouse_options INTERFACE)
# Aggregates with default member values are initialised with their leading fields on purpose.
target_compile_options(gatehouse_options INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
if(GATEHOUSE_WERROR)
    target_compile_options(gatehouse_options INTERFACE -Werror)
endif()
target_compile_definitions(gatehouse_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    GATEHOUSE_VERSION="${PROJECT_VERSION}")
# Includes are written from the project root: "core/tokens/TokenFormat.h".
target_include_directories(gatehouse_options INTERFACE ${PROJECT_SOURCE_DIR})

if(GATEHOUSE_SANITIZE)
    set(_gatehouse_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_compile_options(gatehouse_options INTERFACE ${_gatehouse_san})
    target_link_options(gatehouse_options INTERFACE ${_gatehouse_san})
endif()
