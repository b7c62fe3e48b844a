// Small helpers over libxml2's tree for the Word and OpenDocument readers.
// Elements and attributes are matched by local name, so the strict and
// transitional Word namespaces (and any prefix) read the same.
#pragma once
#include <libxml/tree.h>

#include <cstring>
#include <string>

namespace easyread::office {

inline bool is(const xmlNode* n, const char* local) {
    return n && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

inline std::string attr(const xmlNode* n, const char* local) {
    if (!n) return {};
    for (const xmlAttr* a = n->properties; a; a = a->next) {
        if (std::strcmp(reinterpret_cast<const char*>(a->name), local) != 0) continue;
        xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
        std::string out = v ? reinterpret_cast<const char*>(v) : "";
        xmlFree(v);
        return out;
    }
    return {};
}

inline const xmlNode* child(const xmlNode* n, const char* local) {
    if (!n) return nullptr;
    for (const xmlNode* c = n->children; c; c = c->next)
        if (is(c, local)) return c;
    return nullptr;
}

// The text of a node and everything under it.
inline std::string text_of(const xmlNode* n) {
    if (!n) return {};
    xmlChar* v = xmlNodeGetContent(n);
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
}

// Frees a libxml2 document when it goes out of scope.
struct XmlDocument {
    xmlDoc* doc = nullptr;
    explicit XmlDocument(xmlDoc* d) : doc(d) {}
    ~XmlDocument() {
        if (doc) xmlFreeDoc(doc);
    }
    XmlDocument(const XmlDocument&) = delete;
    XmlDocument& operator=(const XmlDocument&) = delete;
    const xmlNode* root() const { return doc ? xmlDocGetRootElement(doc) : nullptr; }
};

}  // namespace easyread::office
