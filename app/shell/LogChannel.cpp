#include "shell/LogChannel.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>
#include <iostream>

namespace citytwin::app {

LogChannel& LogChannel::instance() {
    // Never destroyed: workers may log while the process exits.
    static auto* channel = new LogChannel;
    return *channel;
}

LogChannel::LogChannel() = default;

LogChannel::~LogChannel() = default;

QString LogChannel::install(const QString& logFile, LogRotation rotation) {
    {
        std::lock_guard lock(_fileMutex);
        if (!logFile.isEmpty()) {
            _file = std::fopen(QFile::encodeName(logFile).constData(), "a");
            if (!_file)
                return QStringLiteral("%1: cannot write the log file").arg(logFile);
            _path = logFile;
            _rotation = rotation;
            _fileBytes = QFileInfo(logFile).size();
        }
    }
    geo::setLogSink([this](geo::LogLevel level, const std::string& message) {
        // geo::log's own stderr line, byte for byte.
        std::cerr << "citytwin " << levelName(level).toStdString() << ": " << message << '\n';
        record(level, QString::fromStdString(message));
    });
    return {};
}

void LogChannel::uninstall() {
    geo::setLogSink({});
    std::lock_guard lock(_fileMutex);
    if (_file)
        std::fclose(_file);
    _file = nullptr;
}

void LogChannel::write(geo::LogLevel level, const QString& message, const QString& stderrLine) {
    QTextStream(stderr) << stderrLine << "\n";
    record(level, message);
}

void LogChannel::write(geo::LogLevel level, const QString& message) {
    write(level, message, QStringLiteral("citytwin: ") + message);
}

void LogChannel::record(geo::LogLevel level, const QString& message) {
    const QDateTime now = QDateTime::currentDateTime();
    {
        std::lock_guard lock(_fileMutex);
        if (_file) {
            const QByteArray line = (now.toString(Qt::ISODateWithMs) + ' ' + levelName(level) +
                                     QStringLiteral(": ") + message + '\n')
                                        .toUtf8();
            if (_rotation.maxBytes > 0 && _fileBytes + line.size() > _rotation.maxBytes &&
                _fileBytes > 0)
                rotate();
            if (_file) {
                std::fwrite(line.constData(), 1, std::size_t(line.size()), _file);
                std::fflush(_file);
                _fileBytes += line.size();
            }
        }
    }
    emit logged(now.toMSecsSinceEpoch(), int(level), message);
}

void LogChannel::rotate() {
    std::fclose(_file);
    const int keep = std::max(1, _rotation.keep);
    QFile::remove(_path + "." + QString::number(keep));
    for (int i = keep - 1; i >= 1; --i)
        QFile::rename(_path + "." + QString::number(i), _path + "." + QString::number(i + 1));
    QFile::rename(_path, _path + ".1");
    _file = std::fopen(QFile::encodeName(_path).constData(), "a");
    _fileBytes = 0;
}

QString LogChannel::levelName(geo::LogLevel level) {
    switch (level) {
        case geo::LogLevel::Debug:
            return QStringLiteral("debug");
        case geo::LogLevel::Info:
            return QStringLiteral("info");
        case geo::LogLevel::Warning:
            return QStringLiteral("warning");
        case geo::LogLevel::Error:
            return QStringLiteral("error");
    }
    return QStringLiteral("?");
}

}  // namespace citytwin::app
