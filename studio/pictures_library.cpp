#include "studio/pictures_library.hpp"

#include "base/file_names.hpp"

namespace easyread::studio {

PictureLibrary::PictureLibrary(const std::string& documents_folder)
    : documents_folder_(documents_folder), own_folder_(documents_folder + "/pictures") {
    reload();
}

std::shared_ptr<const symbols::Bank> PictureLibrary::bank() const {
    std::lock_guard<std::mutex> hold(lock_);
    return bank_;
}

void PictureLibrary::reload() {
    auto bank = std::make_shared<symbols::Bank>();
    Diagnostics diags;
    bank->load_bundled(diags);
    if (is_directory(own_folder_)) bank->add_user_folder(own_folder_, diags);
    std::lock_guard<std::mutex> hold(lock_);
    bank_ = std::move(bank);
}

}  // namespace easyread::studio
