// Reads a made PDF back: its Figure structure elements, for alt text tests.
#pragma once
#include <string>
#include <vector>

// The /Alt of every Figure in the PDF's structure tree, in reading order;
// "(no alt)" for a Figure without one.
std::vector<std::string> figure_alts(const std::string& pdf_path);
