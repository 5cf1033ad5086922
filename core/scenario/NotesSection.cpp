#include "NotesSection.h"

#include "MessageText.h"

namespace loopscope {
namespace {

constexpr std::string_view kNoteKeys[] = {"at", "text"};

}  // namespace

void readNotesSection(FieldReader& fields, const Field& section, std::vector<Note>& notes) {
    if (section.value->isNull())
        return;
    if (!section.value->isSequence()) {
        fields.fail(section.value->where, "expected a list of notes under `notes:`, such as `- {at: 1s, text: ...}`, "
                                          "found " + describe(*section.value));
        return;
    }
    for (const YamlNode& item : section.value->children) {
        if (!item.isMap()) {
            fields.fail(item.where, "expected a note such as `- {at: 1s, text: The timer fires}`, found " + describe(item));
            continue;
        }
        Note note;
        note.where = item.where;
        const Fields f = fields.fieldsOf(item, kNoteKeys, "notes");
        if (Field v = f["at"])
            note.at = fields.duration(v, "at").value_or(0);
        else
            fields.fail(item.where, "missing `at:` in a note; expected the time it marks, such as `at: 1s`");
        if (Field v = f["text"])
            note.text = fields.text(v, "text").value_or("");
        else
            fields.fail(item.where, "missing `text:` in a note; expected the text to show");
        notes.push_back(std::move(note));
    }
}

}  // namespace loopscope
