// The kiosk's own words and pictures (British English), in one table so they
// can be checked against the easy read rules and translated later.
#pragma once
#include <string>

namespace easyread::survey {

struct FixedChoice {
    const char* id;
    const char* label;
    const char* picture;  // picture bank id
};

struct KioskWords {
    // Buttons that never move.
    const char* back = "Back";
    const char* listen = "Listen";
    const char* help = "Help";
    const char* next = "Next";

    // Pictures beside the title of each fixed screen (picture bank ids).
    const char* consent_picture = "consent";
    const char* who_picture = "people";
    const char* anything_else_picture = "keyboard";
    const char* review_picture = "search";
    const char* thanks_picture = "thank-you";
    const char* still_there_picture = "question";

    const char* welcome_title = "Tell us what you think";
    FixedChoice start{"start", "Start", "start"};
    const char* welcome_speech = "Hello. Tell us what you think. Touch the big picture to start.";

    const char* consent_title = "Is it OK to keep your answers?";
    const char* consent_body = "We keep your answers. We do not ask your name. "
                               "We use your answers to make things better.";
    FixedChoice consent_yes{"agree", "Yes, that is OK", "yes"};
    FixedChoice consent_no{"disagree", "No, stop", "no"};

    const char* who_title = "Who is answering?";
    FixedChoice who[5] = {
        // "self" is the self-advocate: a carer answering for themselves is a carer.
        {"self", "I have a learning disability", "me"},
        {"carer", "I am a family carer", "carer"},
        {"helper", "I am helping someone answer", "helper"},
        {"staff", "I work here", "staff"},
        {"not-said", "I would rather not say", "rather-not-say"},
    };

    const char* confirm_title_before = "You chose ";  // + the answer's words
    const char* confirm_title_after = ". Is that right?";
    FixedChoice confirm_yes{"keep", "Yes, that is right", "yes"};
    FixedChoice confirm_no{"change", "No, change it", "change"};

    const char* anything_else_title = "Anything else you want to tell us?";
    const char* anything_else_help = "Write with the letters. Or touch Nothing else.";
    FixedChoice anything_else_skip{"skip", "Nothing else", "no"};

    // Before "Nothing else" drops words a person typed.
    const char* discard_title = "Throw away your words?";
    const char* discard_body_before = "You wrote: ";  // + the words, in quotes
    FixedChoice discard_keep{"keep-words", "No, keep my words", "save"};
    FixedChoice discard_yes{"discard-words", "Yes, throw them away", "bin"};

    // The answers are not on disk yet (the kiosk keeps trying).
    const char* ask_staff_title = "Please ask a member of staff";
    const char* ask_staff_body = "Please wait here. A member of staff will help you. "
                                 "Your answers are not saved yet. The kiosk keeps trying.";
    const char* ask_staff_picture = "staff";

    const char* review_title = "Your answers";
    const char* review_change = "Change";
    const char* review_no_answer = "No answer";
    FixedChoice review_send{"send", "Send my answers", "send"};

    const char* thanks_title = "Thank you";
    const char* thanks_body = "We have your answers.";
    FixedChoice thanks_done{"done", "Finish", "check"};
    const char* review_help = "Look at your answers. Touch Change to change one. "
                              "Touch Send my answers when you are ready.";

    const char* still_there_title = "Are you still there?";
    FixedChoice still_there_yes{"still-here", "Yes", "yes"};

    const char* question_help = "Touch the picture that shows your answer. "
                                "Touch Back to go back. Touch Listen to hear it again.";
    const char* many_help = "Touch every picture you want. Then touch Next.";
    const char* comment_help = "Write with the letters. Then touch Next.";
    const char* page_prefix = "Page ";  // + number, before a page question (and its Review row: "Page 3: ...")
    const char* read_back = "You wrote: ";  // + the words typed, when Listen is tapped on a keyboard

    const char* staff_pin_title = "Staff PIN";
    const char* staff_new_pin_title = "Choose a staff PIN";
    const char* staff_new_pin_again = "Type the same PIN again";
    const char* staff_pin_wrong = "That PIN is not right.";
    const char* staff_pins_differ = "The two PINs were not the same. Start again.";
    const char* staff_pin_short = "A new PIN is 6 to 10 numbers.";
    const char* staff_pin_guessable = "That PIN is too easy to guess. Do not use runs like 123456 "
                                      "or repeats like 000000 or 121212.";
    // Before the store's own words on why: said on the staff screens only.
    const char* staff_pin_not_saved = "The PIN is NOT saved on disk: it works only until the kiosk closes, "
                                      "then it must be chosen again.";
    const char* staff_pin_wait = "Too many wrong PINs. Wait, then try again.";
    const char* staff_pin_wait_before = "Too many wrong PINs. Try again in ";  // + seconds + staff_pin_wait_after
    const char* staff_pin_wait_after = " seconds.";
    const char* staff_menu_title = "Staff";
    FixedChoice staff_event{"event", "Event name", "calendar"};
    FixedChoice staff_speech{"test-speech", "Test speech", "talk"};
    FixedChoice staff_settings{"settings", "Settings", "gear"};
    const char* staff_settings_title = "Settings";
    const char* staff_setting_not_kept = "The answers file cannot be written, so this setting lasts until the kiosk closes.";
    FixedChoice staff_export{"export", "Export answers", "document"};
    const char* staff_export_body = "Choose where to copy the answers.";
    const char* staff_export_no_stick = "No memory stick is in (a locked one is not shown). Put one in, then tap Look again.";
    FixedChoice staff_export_folder{"folder", "This kiosk's export folder", "file-folder"};
    FixedChoice staff_export_stick{"stick", "Memory stick", "save"};  // label + the stick's name
    FixedChoice staff_look_again{"look-again", "Look again", "search"};
    FixedChoice staff_quit{"quit", "Close the kiosk", "stop"};
    FixedChoice staff_close{"close", "Back to the survey", "check"};
    const char* staff_event_title = "Event name";
    // After a number: why Close is refused and what to do.
    const char* staff_quit_refused = " answers are only in this kiosk's memory, not on any disk, so the kiosk "
                                     "cannot close. Make the answers file or its folder writable (or put the "
                                     "memory stick back), or use Export answers, then try again.";
    const char* staff_unsaved = "Not saved on any disk yet, only in memory: ";  // + a number
    const char* staff_part_answers = "Left part-way (kept, not counted above): ";  // + a number
    const char* staff_no_answers = "Sent with every question skipped (not counted above): ";  // + a number
    // Staff counts name the groups in words (the answers file keeps the ids).
    FixedChoice staff_groups[5] = {
        {"self", "People with a learning disability", ""},
        {"carer", "Family carers", ""},
        {"helper", "Helping someone answer", ""},
        {"staff", "Staff", ""},
        {"not-said", "Rather not say", ""},
    };
    const char* staff_part_way_keep = "Someone is part-way through the survey. Close the kiosk keeps their "
                                      "answers so far, marked as left part-way.";
    const char* staff_part_way_drop = "Someone is part-way through the survey. Keep part answers is off, so "
                                      "Close the kiosk drops their answers.";
    const char* staff_part_way_kept = "The answers of the person part-way were kept, marked as left part-way.";
    const char* staff_test_speech = "This is a test of the speech. Can you hear me?";
};

const KioskWords& kiosk_words();

}  // namespace easyread::survey
