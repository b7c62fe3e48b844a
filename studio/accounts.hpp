// Team mode's people: one small file per user in the team folder's users/
// (role, argon2id password hash, whether disabled, a pending setup link),
// read from disk on every use so a change made by `easyread studio
// --add-user` or by an admin takes effect at once. Every file is written
// atomically and readable by the studio's own user only.
#pragma once
#include <string>
#include <vector>

#include "studio/studio_app.hpp"

namespace easyread::studio {

struct Account {
    std::string name;
    Role role = Role::Editor;
    bool disabled = false;
    std::string password_hash;  // crypto_pwhash_str (argon2id); empty until set up
    std::string setup_digest;   // hash of the one-time setup token; empty once used
    double setup_expires = 0;   // seconds since 1970
};

// Lower-case letters, digits, '.', '_' and '-', starting with a letter or
// digit, at most 32 characters: safe as a file name and in a log line.
bool is_user_name(const std::string& name);
const char* role_name(Role role);
// "editor", "board" or "admin".
bool parse_role(const std::string& word, Role& role);
// `bytes` random bytes from libsodium as hex (32 bytes: 256 bits).
std::string random_token(std::size_t bytes = 32);
// Compares two secrets in time that does not depend on where they differ.
bool same_secret(const std::string& a, const std::string& b);
// Why a password cannot be used (too short, too common, the user's name),
// or empty when it can.
std::string password_problem(const std::string& password, const std::string& user);

constexpr double kSetupLinkSeconds = 48 * 3600.0;

class Accounts {
public:
    explicit Accounts(std::string users_folder);
    bool load(const std::string& name, Account& out) const;
    bool save(const Account& account, std::string& error) const;
    std::vector<Account> list() const;
    // Adds the user (or resets one who forgot the password: the old password
    // stops working) and returns a one-time setup token, valid 48 hours.
    std::string invite(const std::string& name, Role role, double now, std::string& error) const;
    // Sets the password with the token from the setup link (used once).
    bool finish_setup(const std::string& name, const std::string& token, const std::string& password, double now,
                      std::string& error) const;
    // True for an enabled user whose password this is. Takes as long for an
    // unknown user as for a known one.
    bool check_password(const std::string& name, const std::string& password) const;

private:
    std::string folder_;
};

// The argon2id hash of a password (libsodium's interactive cost), or empty.
std::string hash_password(const std::string& password);

}  // namespace easyread::studio
