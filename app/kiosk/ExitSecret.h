#pragma once
// The operator's way out: a key chord opens a PIN prompt, the PIN and Enter
// end the kiosk. Anything else a visitor types does nothing. The prompt
// closes by itself after a while, on Esc, or after a wrong PIN.

#include <QKeyCombination>
#include <QString>

class QKeyEvent;

namespace citytwin::app::kiosk {

class ExitSecret {
public:
    enum class Outcome { None, PromptOpened, PromptChanged, PromptClosed, WrongPin, Exit };

    /// `chord` as in the tour ("Ctrl+Alt+Shift+E"); `pin` digits, empty:
    /// no PIN configured, the chord does nothing (SIGTERM still works).
    ExitSecret(const QString& chord, QString pin);

    bool isEnabled() const { return !_pin.isEmpty() && _chord != QKeyCombination(); }
    bool isPromptOpen() const { return _open; }
    /// Digits typed so far (the overlay shows one dot per digit).
    int typedDigits() const { return int(_typed.size()); }

    /// A key press; `nowMs` on any monotonic clock (the prompt times out).
    Outcome onKey(const QKeyEvent& e, qint64 nowMs);
    /// Closes a prompt left open too long; true if it did.
    bool expire(qint64 nowMs);

    static constexpr qint64 kPromptTimeoutMs = 20000;

private:
    QKeyCombination _chord;
    QString _pin;
    bool _open = false;
    QString _typed;
    qint64 _lastKeyMs = 0;
};

}  // namespace citytwin::app::kiosk
