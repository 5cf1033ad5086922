#include "PlaybackKeys.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace loopscope {

PlaybackKeys::PlaybackKeys(QWidget* window) : QObject(window), window_(window) { qApp->installEventFilter(this); }

PlaybackKeys::~PlaybackKeys() { qApp->removeEventFilter(this); }

void PlaybackKeys::add(QAction* action) { actions_.emplace_back(action); }

bool PlaybackKeys::isEditingText(const QWidget* widget) {
    if (!widget)
        return false;
    if (auto* line = qobject_cast<const QLineEdit*>(widget))
        return !line->isReadOnly();
    if (auto* spin = qobject_cast<const QAbstractSpinBox*>(widget))
        return !spin->isReadOnly();
    if (auto* combo = qobject_cast<const QComboBox*>(widget))
        return combo->isEditable();
    if (auto* text = qobject_cast<const QPlainTextEdit*>(widget))
        return !text->isReadOnly();
    if (auto* text = qobject_cast<const QTextEdit*>(widget))
        return !text->isReadOnly();
    return false;
}

QAction* PlaybackKeys::actionFor(const QKeyEvent& key) const {
    const Qt::KeyboardModifiers modifiers = key.modifiers() & ~Qt::KeypadModifier;
    // "+" is Shift+= on many keyboards, and "B" is still the blank-screen key with Caps Lock.
    const QKeySequence exact(QKeyCombination(modifiers, Qt::Key(key.key())));
    const QKeySequence unshifted(QKeyCombination(modifiers & ~Qt::ShiftModifier, Qt::Key(key.key())));
    for (const QPointer<QAction>& action : actions_) {
        if (!action)
            continue;
        for (const QKeySequence& shortcut : action->shortcuts())
            if (shortcut == exact || shortcut == unshifted)
                return action;
    }
    return nullptr;
}

bool PlaybackKeys::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if (type != QEvent::ShortcutOverride && type != QEvent::KeyPress)
        return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || widget->window() != window_)
        return false;
    const QWidget* focus = QApplication::focusWidget();
    if (isEditingText(focus ? focus : widget))
        return false;
    auto* key = static_cast<QKeyEvent*>(event);
    QAction* action = actionFor(*key);
    if (!action)
        return false;
    if (type == QEvent::ShortcutOverride) {
        // The focused widget "wants" the key, so the key press comes to it, and so to us:
        // the action runs the same way whichever widget has the focus.
        event->accept();
        return true;
    }
    action->trigger();
    return true;
}

}  // namespace loopscope
