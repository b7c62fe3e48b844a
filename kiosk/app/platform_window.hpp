// The one GLFW window with an OpenGL 3 context and ImGui's GLFW/OpenGL3
// backends. Closing it (window manager, Alt+F4) is refused and reported, so
// only staff can end the kiosk.
#pragma once
#include <deque>
#include <string>
#include <utility>
#include <vector>

struct GLFWwindow;

namespace easyread::kiosk::ui {

struct WindowRequest {
    bool fullscreen = true;
    int width = 1280, height = 800;  // windowed size
    std::string title = "easyread kiosk";
};

// A scripted tap replaces the real pointer for one frame (test hook).
struct PointerOverride {
    bool active = false;
    float x = 0, y = 0;
    bool down = false;
};

class PlatformWindow {
public:
    PlatformWindow() = default;
    PlatformWindow(const PlatformWindow&) = delete;
    PlatformWindow& operator=(const PlatformWindow&) = delete;
    ~PlatformWindow();

    // Creates the window and the ImGui context; false with a message when there is no display or GL.
    bool open(const WindowRequest& request, std::string& error);
    // Dots per inch of the window's monitor, or 0 when it does not say.
    float monitor_dpi() const;
    int width() const;
    int height() const;

    // Scripts turn waiting for the display's refresh off to run fast.
    void set_vsync(bool on);
    // Sleeps until input, a wake() from another thread, or `timeout_s`.
    void wait(double timeout_s);
    // Thread-safe: wakes wait() (speech started or stopped).
    static void wake();
    // Counts input and expose events; the loop draws a few frames when it moves.
    unsigned long events() const { return events_; }
    void note_event() { ++events_; }
    // True once after someone tried to close the window.
    bool take_close_request();
    // Presses and releases not yet given to the screens: draw frames until none are left.
    bool input_pending() const { return !buttons_.empty(); }
    // Keys pressed (or repeating) since the last call, with their GLFW modifier bits.
    struct KeyPress {
        int key;
        int mods;
    };
    std::vector<KeyPress> take_keys() { return std::exchange(keys_, {}); }

    void begin_frame(const PointerOverride& pointer = {});  // backends' NewFrame + ImGui::NewFrame
    void end_frame();    // render and swap
    GLFWwindow* handle() const { return window_; }

private:
    // The left button's presses and releases, with where the pointer was,
    // handed to ImGui one a frame in order: a tap shorter than a slow frame,
    // or two taps within one, are each seen whole.
    struct ButtonEvent {
        bool down;
        float x, y;
    };
    std::deque<ButtonEvent> buttons_;
    bool button_down_ = false;  // the left button as the screens last saw it
    std::vector<KeyPress> keys_;  // kept here: a key pressed and let go within one frame is still seen

    GLFWwindow* window_ = nullptr;
    bool imgui_ready_ = false;
    bool close_requested_ = false;
    unsigned long events_ = 0;
};

}  // namespace easyread::kiosk::ui
