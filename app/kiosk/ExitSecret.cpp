#include "kiosk/ExitSecret.h"

#include <QKeyEvent>
#include <QKeySequence>

namespace citytwin::app::kiosk {

ExitSecret::ExitSecret(const QString& chord, QString pin) : _pin(std::move(pin)) {
    const QKeySequence seq = QKeySequence::fromString(chord, QKeySequence::PortableText);
    if (seq.count() == 1)
        _chord = seq[0];
}

ExitSecret::Outcome ExitSecret::onKey(const QKeyEvent& e, qint64 nowMs) {
    if (!isEnabled())
        return Outcome::None;
    expire(nowMs);
    const Qt::KeyboardModifiers mods = e.modifiers() & ~Qt::KeypadModifier;
    if (!_open) {
        if (QKeyCombination(mods, Qt::Key(e.key())) != _chord)
            return Outcome::None;
        _open = true;
        _typed.clear();
        _lastKeyMs = nowMs;
        return Outcome::PromptOpened;
    }
    _lastKeyMs = nowMs;
    const int key = e.key();
    if (key >= Qt::Key_0 && key <= Qt::Key_9) {
        if (_typed.size() < 32)
            _typed += QChar('0' + (key - Qt::Key_0));
        return Outcome::PromptChanged;
    }
    if (key == Qt::Key_Backspace) {
        _typed.chop(1);
        return Outcome::PromptChanged;
    }
    if (key == Qt::Key_Escape) {
        _open = false;
        return Outcome::PromptClosed;
    }
    if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        const bool right = _typed == _pin;
        _open = false;
        _typed.clear();
        return right ? Outcome::Exit : Outcome::WrongPin;
    }
    return Outcome::None;  // modifiers alone, letters: ignored
}

bool ExitSecret::expire(qint64 nowMs) {
    if (!_open || nowMs - _lastKeyMs < kPromptTimeoutMs)
        return false;
    _open = false;
    _typed.clear();
    return true;
}

}  // namespace citytwin::app::kiosk
