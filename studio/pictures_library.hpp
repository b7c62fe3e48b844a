// The picture bank the studio shares between every compile: the bundled
// pictures plus the documents folder's own "pictures" folder (uploaded
// pictures, with keywords.txt and CREDIT.txt), reloaded when one is added.
#pragma once
#include <memory>
#include <mutex>
#include <string>

#include "symbols/bank.hpp"

namespace easyread::studio {

class PictureLibrary {
public:
    // `documents_folder` is the studio's folder; its "pictures" folder holds
    // the uploaded pictures, and documents may use no file outside it.
    explicit PictureLibrary(const std::string& documents_folder);
    // The current bank; keep the pointer for as long as anything uses it.
    std::shared_ptr<const symbols::Bank> bank() const;
    // Loads the bank again (after a picture was added).
    void reload();
    const std::string& own_folder() const { return own_folder_; }
    const std::string& documents_folder() const { return documents_folder_; }

private:
    std::string documents_folder_;
    std::string own_folder_;
    mutable std::mutex lock_;
    std::shared_ptr<const symbols::Bank> bank_;
};

}  // namespace easyread::studio
