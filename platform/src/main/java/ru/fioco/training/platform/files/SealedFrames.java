package ru.fioco.training.platform.files;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import ru.fioco.training.platform.errors.ErasedDataException;
import ru.fioco.training.platform.json.PersonalText;

/**
 * A file sealed with its data subject's key, as GridFS keeps it: a sequence of frames, each the length (4 bytes) and
 * the key vault's ciphertext of up to {@value #FRAME} bytes of the file. Frames keep memory flat for any file size; the
 * encryption itself is the key vault's (libmongocrypt), never ours.
 */
final class SealedFrames {

    static final int FRAME = 256 * 1024;
    static final String ERASED_FILE = "Файл уничтожен: персональные данные, которые он содержал, удалены";
    /** More than a sealed frame of {@value #FRAME} bytes can take: the length of a damaged or foreign file. */
    private static final int MAX_SEALED_FRAME = FRAME + 64 * 1024;

    private SealedFrames() {
    }

    /** Writes one frame; false when the subject was erased (nothing of theirs may be stored). */
    static boolean write(DataOutputStream out, String subject, byte[] plain, int length) throws IOException {
        byte[] piece = length == plain.length ? plain : Arrays.copyOf(plain, length);
        var sealed = PersonalText.sealBytes(subject, piece);
        if (sealed.isEmpty()) {
            return false;
        }
        out.writeInt(sealed.get().length);
        out.write(sealed.get());
        return true;
    }

    /**
     * The plaintext of a sealed file, opened frame by frame. The first frame is opened at once, so that a file whose
     * key was destroyed is refused before a download's headers are sent.
     */
    static InputStream opening(InputStream sealed) throws IOException {
        Reader reader = new Reader(new DataInputStream(sealed));
        reader.next();
        return reader;
    }

    private static final class Reader extends InputStream {
        private final DataInputStream in;
        private byte[] frame = new byte[0];
        private int position;
        private boolean ended;

        Reader(DataInputStream in) {
            this.in = in;
        }

        /** Opens the next frame; false at the end of the file. */
        boolean next() throws IOException {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException end) {
                ended = true;
                return false;
            }
            if (length <= 0 || length > MAX_SEALED_FRAME) {
                throw new IOException("not a sealed file: frame of " + length + " bytes");
            }
            byte[] sealed = in.readNBytes(length);
            if (sealed.length != length) {
                throw new IOException("sealed file cut short");
            }
            frame = PersonalText.openBytes(sealed).orElseThrow(() -> new ErasedDataException(ERASED_FILE));
            position = 0;
            return true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position == frame.length) {
                if (ended || !next()) {
                    return -1;
                }
            }
            int n = Math.min(len, frame.length - position);
            System.arraycopy(frame, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
