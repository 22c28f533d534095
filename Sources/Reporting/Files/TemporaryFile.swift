import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hidden temporary file next to its final name, written through a buffer and renamed into place
/// when complete: `DIR/.trajectories.csv.tmp-<pid>-<random>` becomes `DIR/trajectories.csv`.
///
/// Text is buffered and written in blocks of about 64 KiB, so rows stream to disk instead of
/// accumulating in memory. `commit()` flushes, syncs the file to disk and renames it over the final
/// name (one atomic `rename(2)`: a reader sees the old complete file or the new complete one);
/// `discard()` closes and removes it.
final class TemporaryFile {
    let finalURL: URL
    let temporaryURL: URL
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    private static let blockSize = 1 << 16

    /// Creates the temporary file (exclusively; it cannot exist already).
    /// - Throws: `ReportingError.cannotWrite` naming the folder.
    init(finalURL: URL) throws {
        self.finalURL = finalURL
        let name = ".\(finalURL.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        temporaryURL = finalURL.deletingLastPathComponent().appendingPathComponent(name)
        let descriptor = open(temporaryURL.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ReportingError.cannotWrite(path: finalURL.deletingLastPathComponent().path,
                                             reason: String(cString: strerror(errno)))
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        buffer.reserveCapacity(Self.blockSize + 4096)
    }

    /// Appends `text` (UTF-8), writing a block to disk when the buffer is full.
    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.blockSize { try flush() }
    }

    private func flush() throws {
        guard let handle, !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw ReportingError.cannotWrite(path: finalURL.path, reason: Self.reason(error))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered, syncs and closes the file, and renames it over `finalURL`.
    func commit() throws {
        try flush()
        if let handle {
            do {
                try handle.synchronize()
                try handle.close()
            } catch {
                throw ReportingError.cannotWrite(path: finalURL.path, reason: Self.reason(error))
            }
            self.handle = nil
        }
        guard rename(temporaryURL.path, finalURL.path) == 0 else {
            throw ReportingError.cannotWrite(path: finalURL.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Closes and removes the temporary file (nothing happens to `finalURL`). Safe to call twice.
    func discard() {
        try? handle?.close()
        handle = nil
        buffer.removeAll()
        unlink(temporaryURL.path)
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }
}
