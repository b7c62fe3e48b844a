#include "kiosk/app/platform_window.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "kiosk/app/metrics.hpp"

namespace easyread::kiosk::ui {

namespace {

std::string g_glfw_error;  // GLFW reports errors through a plain callback

void on_glfw_error(int code, const char* description) {
    g_glfw_error = "GLFW error " + std::to_string(code) + ": " + (description ? description : "");
}

}  // namespace

PlatformWindow::~PlatformWindow() {
    if (imgui_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    if (window_) glfwDestroyWindow(window_);
    glfwTerminate();
}

bool PlatformWindow::open(const WindowRequest& request, std::string& error) {
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) {
        error = "cannot open the screen (" + g_glfw_error + "). Is DISPLAY set? Under a test, run in Xvfb";
        return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWmonitor* monitor = request.fullscreen ? glfwGetPrimaryMonitor() : nullptr;
    int w = request.width, h = request.height;
    if (monitor) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        w = mode->width;
        h = mode->height;
        glfwWindowHint(GLFW_RED_BITS, mode->redBits);
        glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
        glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
        glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
        glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);  // stay up if focus moves
    }
    window_ = glfwCreateWindow(w, h, request.title.c_str(), monitor, nullptr);
    if (!window_) {
        error = "cannot make an OpenGL 3 window (" + g_glfw_error + "). Install Mesa (libgl1-mesa-dri)";
        return false;
    }
    glfwSetWindowUserPointer(window_, this);
    glfwSetWindowCloseCallback(window_, [](GLFWwindow* win) {
        glfwSetWindowShouldClose(win, GLFW_FALSE);
        static_cast<PlatformWindow*>(glfwGetWindowUserPointer(win))->close_requested_ = true;
    });
    if (monitor) glfwSetInputMode(window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);  // a touchscreen shows no arrow
    // Installed before ImGui's backend, which calls them after its own.
    auto self = [](GLFWwindow* win) { static_cast<PlatformWindow*>(glfwGetWindowUserPointer(win))->note_event(); };
    glfwSetCursorPosCallback(window_, [](GLFWwindow* win, double, double) {
        static_cast<PlatformWindow*>(glfwGetWindowUserPointer(win))->note_event();
    });
    glfwSetKeyCallback(window_, [](GLFWwindow* win, int key, int, int action, int mods) {
        auto* me = static_cast<PlatformWindow*>(glfwGetWindowUserPointer(win));
        me->note_event();
        if (action != GLFW_RELEASE) me->keys_.push_back({key, mods});
    });
    glfwSetCharCallback(window_, [](GLFWwindow* win, unsigned int) {
        static_cast<PlatformWindow*>(glfwGetWindowUserPointer(win))->note_event();
    });
    glfwSetCursorEnterCallback(window_, [](GLFWwindow* win, int) {
        static_cast<PlatformWindow*>(glfwGetWindowUserPointer(win))->note_event();
    });
    glfwSetWindowFocusCallback(window_, [](GLFWwindow* win, int) {
        static_cast<PlatformWindow*>(glfwGetWindowUserPointer(win))->note_event();
    });
    glfwSetWindowRefreshCallback(window_, self);
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini left on the kiosk
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    // Ours instead of the backend's, which keeps only the last press of a frame.
    glfwSetMouseButtonCallback(window_, [](GLFWwindow* win, int button, int action, int) {
        auto* me = static_cast<PlatformWindow*>(glfwGetWindowUserPointer(win));
        me->note_event();
        if (button != GLFW_MOUSE_BUTTON_LEFT) return;  // a touchscreen has one
        double x = 0, y = 0;
        glfwGetCursorPos(win, &x, &y);
        me->buttons_.push_back({action == GLFW_PRESS, static_cast<float>(x), static_cast<float>(y)});
    });
    ImGui_ImplOpenGL3_Init("#version 130");
    imgui_ready_ = true;
    return true;
}

float PlatformWindow::monitor_dpi() const {
    GLFWmonitor* monitor = glfwGetWindowMonitor(window_);
    if (!monitor) monitor = glfwGetPrimaryMonitor();
    if (!monitor) return 0;
    int width_mm = 0, height_mm = 0;
    glfwGetMonitorPhysicalSize(monitor, &width_mm, &height_mm);
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    return mode ? dpi_from_physical_size(mode->width, width_mm) : 0.0f;
}

int PlatformWindow::width() const {
    int w = 0, h = 0;
    glfwGetWindowSize(window_, &w, &h);
    return w;
}

int PlatformWindow::height() const {
    int w = 0, h = 0;
    glfwGetWindowSize(window_, &w, &h);
    return h;
}

void PlatformWindow::wait(double timeout_s) {
    if (timeout_s <= 0)
        glfwPollEvents();
    else
        glfwWaitEventsTimeout(timeout_s);
}

void PlatformWindow::set_vsync(bool on) { glfwSwapInterval(on ? 1 : 0); }

void PlatformWindow::wake() { glfwPostEmptyEvent(); }

bool PlatformWindow::take_close_request() {
    bool r = close_requested_;
    close_requested_ = false;
    return r;
}

void PlatformWindow::begin_frame(const PointerOverride& pointer) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (pointer.active) {
        io.MousePos = ImVec2(pointer.x, pointer.y);
        io.MouseDown[0] = pointer.down;
    } else {
        if (!buttons_.empty()) {
            const ButtonEvent e = buttons_.front();
            buttons_.pop_front();
            button_down_ = e.down;
            io.MousePos = ImVec2(e.x, e.y);
        }
        io.MouseDown[0] = button_down_;
    }
    ImGui::NewFrame();
}

void PlatformWindow::end_frame() {
    ImGui::Render();
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(window_, &fw, &fh);
    glViewport(0, 0, fw, fh);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window_);
}

}  // namespace easyread::kiosk::ui
