// Catch2's main, compiled once into its own object so test edits never rebuild it.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
