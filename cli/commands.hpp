// One function per subcommand; main.cpp dispatches on the first argument.
// Each returns the process exit code.
#pragma once

namespace easyread::cli {

int cmd_build(int argc, char** argv);
int cmd_check(int argc, char** argv);
int cmd_draft(int argc, char** argv);
int cmd_pictures(int argc, char** argv);
int cmd_report(int argc, char** argv);
int cmd_merge(int argc, char** argv);
int cmd_form(int argc, char** argv);
int cmd_import(int argc, char** argv);
int cmd_review(int argc, char** argv);
int cmd_studio(int argc, char** argv);

}  // namespace easyread::cli
