// The generator object behind loggen::generate(); see generator.cpp for how traffic is simulated.
#pragma once

#include "loggen.h"

#include <string>

namespace loggen {

class Generator {
public:
    explicit Generator(const Options &options);
    ~Generator();
    Generator(const Generator &) = delete;
    Generator &operator=(const Generator &) = delete;
    bool run(std::string &error);

    class Impl;

private:
    Impl *impl_;
};

} // namespace loggen
