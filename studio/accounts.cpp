#include "studio/accounts.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

#include "base/data_paths.hpp"
#include "base/file_names.hpp"
#include "base/text_util.hpp"

namespace easyread::studio {

namespace {

bool sodium_ready() {
    static const bool ok = sodium_init() >= 0;
    return ok;
}

std::string digest(const std::string& token) {
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, out, sizeof out);
    return hex;
}

// The common passwords (templates/studio/common-passwords.txt), lower case.
const std::set<std::string>& common_passwords() {
    static const std::set<std::string> words = [] {
        std::set<std::string> out;
        std::ifstream in(data_path("templates/studio/common-passwords.txt"));
        std::string line;
        while (std::getline(in, line)) {
            line = trim(line);
            if (!line.empty() && line[0] != '#') out.insert(lower(line));
        }
        return out;
    }();
    return words;
}

}  // namespace

bool is_user_name(const std::string& name) {
    if (name.empty() || name.size() > 32) return false;
    if (!std::isalnum(static_cast<unsigned char>(name[0]))) return false;
    for (unsigned char c : name)
        if (!(std::islower(c) || std::isdigit(c) || c == '.' || c == '_' || c == '-')) return false;
    return true;
}

const char* role_name(Role role) {
    switch (role) {
        case Role::Editor: return "editor";
        case Role::Board: return "board";
        case Role::Admin: return "admin";
        case Role::Anyone: return "anyone";
        case Role::Public: return "public";
    }
    return "editor";
}

bool parse_role(const std::string& word, Role& role) {
    if (word == "editor") role = Role::Editor;
    else if (word == "board") role = Role::Board;
    else if (word == "admin") role = Role::Admin;
    else return false;
    return true;
}

std::string random_token(std::size_t bytes) {
    if (!sodium_ready()) return {};
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
    hex.pop_back();
    return hex;
}

bool same_secret(const std::string& a, const std::string& b) {
    return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string password_problem(const std::string& password, const std::string& user) {
    if (password.size() < 10) return "the password needs at least 10 characters";
    if (password.size() > 256) return "the password can have at most 256 characters";
    const std::string low = lower(password);
    if (common_passwords().count(low)) return "that password is on a list of common passwords: choose another";
    if (!user.empty() && low.find(lower(user)) != std::string::npos)
        return "the password must not contain your user name";
    if (std::all_of(password.begin(), password.end(), [&](char c) { return c == password[0]; }))
        return "the password must not be one character repeated";
    return {};
}

std::string hash_password(const std::string& password) {
    if (!sodium_ready()) return {};
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return out;
}

Accounts::Accounts(std::string users_folder) : folder_(std::move(users_folder)) {}

bool Accounts::load(const std::string& name, Account& out) const {
    if (!is_user_name(name)) return false;
    std::ifstream in(folder_ + "/" + name);
    if (!in) return false;
    out = Account{};
    out.name = name;
    std::string line;
    bool have_role = false;
    while (std::getline(in, line)) {
        auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        if (key == "role") have_role = parse_role(value, out.role);
        else if (key == "disabled") out.disabled = value == "yes";
        else if (key == "password") out.password_hash = value;
        else if (key == "setup") out.setup_digest = value;
        else if (key == "setup-expires") out.setup_expires = std::atof(value.c_str());
    }
    return have_role;
}

bool Accounts::save(const Account& a, std::string& error) const {
    if (!is_user_name(a.name)) {
        error = "a user name has lower-case letters, digits, '.', '_' and '-' (at most 32)";
        return false;
    }
    std::ostringstream text;
    text << "role=" << role_name(a.role) << "\ndisabled=" << (a.disabled ? "yes" : "no") << "\npassword="
         << a.password_hash << "\nsetup=" << a.setup_digest << "\nsetup-expires=" << static_cast<long long>(a.setup_expires)
         << "\n";
    const std::string path = folder_ + "/" + a.name, tmp = path + ".tmp-" + random_token(6);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    bool ok = fd >= 0 && write_all(fd, text.str()) && ::fsync(fd) == 0;
    if (fd >= 0) ok = ::close(fd) == 0 && ok;
    ok = ok && ::rename(tmp.c_str(), path.c_str()) == 0;
    if (!ok) {
        error = "cannot write " + path + ": " + std::strerror(errno);
        ::unlink(tmp.c_str());
        return false;
    }
    int dfd = ::open(folder_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return true;
}

std::vector<Account> Accounts::list() const {
    std::vector<Account> out;
    DIR* d = ::opendir(folder_.c_str());
    if (!d) return out;
    while (dirent* e = ::readdir(d)) {
        Account a;
        if (load(e->d_name, a)) out.push_back(a);
    }
    ::closedir(d);
    std::sort(out.begin(), out.end(), [](const Account& a, const Account& b) { return a.name < b.name; });
    return out;
}

std::string Accounts::invite(const std::string& name, Role role, double now, std::string& error) const {
    Account a;
    if (!load(name, a)) a = Account{};
    a.name = name;
    a.role = role;
    a.disabled = false;
    a.password_hash.clear();
    const std::string token = random_token();
    if (token.empty()) {
        error = "no random numbers (libsodium)";
        return {};
    }
    a.setup_digest = digest(token);
    a.setup_expires = now + kSetupLinkSeconds;
    return save(a, error) ? token : std::string();
}

bool Accounts::finish_setup(const std::string& name, const std::string& token, const std::string& password,
                            double now, std::string& error) const {
    Account a;
    if (!load(name, a) || a.disabled || a.setup_digest.empty() || !same_secret(a.setup_digest, digest(token))) {
        error = "this setup link is not valid: ask your admin for a new one";
        return false;
    }
    if (now > a.setup_expires) {
        error = "this setup link has expired: ask your admin for a new one";
        return false;
    }
    error = password_problem(password, name);
    if (!error.empty()) return false;
    a.password_hash = hash_password(password);
    if (a.password_hash.empty()) {
        error = "the password could not be stored (not enough memory)";
        return false;
    }
    a.setup_digest.clear();
    a.setup_expires = 0;
    return save(a, error);
}

bool Accounts::check_password(const std::string& name, const std::string& password) const {
    // A hash of a password nobody has, checked when the user is unknown, so
    // that the answer takes as long as for a real user.
    static const std::string decoy = hash_password(random_token());
    Account a;
    const bool known = load(name, a) && !a.password_hash.empty();
    const std::string& hash = known ? a.password_hash : decoy;
    if (!sodium_ready() || hash.empty() || password.size() > 256) return false;
    const bool match = crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
    return known && match && !a.disabled;
}

}  // namespace easyread::studio
