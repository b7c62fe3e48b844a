// Picture checks need the picture bank, so they live apart from the text checks.
#pragma once
#include "symbols/bank.hpp"
#include "symbols/matcher.hpp"
#include "generator/check/check_context.hpp"

namespace easyread::check {

void check_pictures(const CheckContext& ctx, const symbols::Bank& bank, const symbols::Matcher& matcher);  // missing-picture, picture-unrelated

}  // namespace easyread::check
