// The keys a teacher presses in front of a class drive the playhead wherever the focus is
// in the window: a list, a tab, the timeline or the read-only code view would otherwise
// take Space, the arrows, Home/End or Page Up/Down for themselves. Only a widget where
// text is being typed (a line edit, a spin box, an editable text view) keeps its keys.
#pragma once

#include <QObject>
#include <QPointer>
#include <vector>

class QAction;
class QKeyEvent;
class QWidget;

namespace loopscope {

class PlaybackKeys : public QObject {
    Q_OBJECT
public:
    // Watches the key events of `window`'s widgets (an application event filter).
    explicit PlaybackKeys(QWidget* window);
    ~PlaybackKeys() override;

    // The action's shortcuts work from every widget of the window but a text editor.
    void add(QAction* action);

    // True when `widget` takes typed text: its keys are its own.
    static bool isEditingText(const QWidget* widget);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QAction* actionFor(const QKeyEvent& key) const;

    QWidget* window_;
    std::vector<QPointer<QAction>> actions_;
};

}  // namespace loopscope
