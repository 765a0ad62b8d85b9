package dev.sitrep.ui.common;

/** The operating system's parts the pages use, behind interfaces (tests pass fakes). */
public record OsPorts(FileDrop drop, FilePicker picker, ScreenGrabber screens, ClipboardReader clipboard,
                      TextClipboard copy, SystemViewer viewer) {

    public static OsPorts system() {
        return new OsPorts(FileDrop.system(), FilePicker.system(), ScreenGrabber.system(), ClipboardReader.system(),
                TextClipboard.system(), SystemViewer.system());
    }
}
