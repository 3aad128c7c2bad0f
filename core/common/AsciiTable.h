#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace gatehouse {

// A byte class as a 256-entry table, built at compile time: ASCII letters and digits plus `extras`. For
// checks that run on every byte of every request (token characters, header-name characters), where a
// table lookup beats a chain of comparisons.
constexpr std::array<bool, 256> asciiAlphanumericsAnd(std::string_view extras)
{
    std::array<bool, 256> table {};
    for (int c = 'a'; c <= 'z'; ++c)
        table[size_t(c)] = true;
    for (int c = 'A'; c <= 'Z'; ++c)
        table[size_t(c)] = true;
    for (int c = '0'; c <= '9'; ++c)
        table[size_t(c)] = true;
    for (char c : extras)
        table[size_t(static_cast<unsigned char>(c))] = true;
    return table;
}

} // namespace gatehouse
