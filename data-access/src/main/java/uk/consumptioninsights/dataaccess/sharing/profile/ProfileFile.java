package uk.consumptioninsights.dataaccess.sharing.profile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import uk.consumptioninsights.dataaccess.sharing.ProfileException;

/** Reads a profile file's text, turning the usual file problems into messages for the user. */
public final class ProfileFile {

    /** Profiles are a few hundred bytes; anything this large is the wrong file. */
    static final long MAX_BYTES = 1 << 20;

    private ProfileFile() {
    }

    public static String read(Path file) throws ProfileException, IOException {
        if (Files.isDirectory(file)) {
            throw new ProfileException(file + " is a folder. Choose the .share profile file your data provider sent.");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ProfileException(file + " is too large to be a Delta Sharing profile (" + size
                        + " bytes). Choose the .share file your data provider sent.");
            }
            return decode(Files.readAllBytes(file), file);
        } catch (NoSuchFileException e) {
            throw new ProfileException("There is no profile file at " + file
                    + ". Choose the .share file your data provider sent.");
        } catch (AccessDeniedException e) {
            throw new ProfileException("The workbench may not read " + file
                    + ". Check the file's permissions, or copy it somewhere you can read.");
        }
    }

    private static String decode(byte[] bytes, Path file) throws ProfileException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ProfileException(file + " is not a text file, so it cannot be a Delta Sharing profile. "
                    + "Choose the .share file your data provider sent.");
        }
    }
}
