package uk.consumptioninsights.dataaccess.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Marks a workspace as an import still being written: a file beside the database ({@code <name>.duckdb.importing})
 * created before the workspace and deleted only once the import is complete. The importing process holds a lock on the
 * mark while it works, and the operating system drops that lock when the process ends however it ends, so a mark that
 * nobody holds is an import that will never finish (the workbench was killed, the machine lost power):
 * {@link PartialImports} removes those.
 */
public final class UnfinishedImport implements AutoCloseable {

    private final Path mark;
    private final FileChannel channel;
    private final FileLock lock;

    private UnfinishedImport(Path mark, FileChannel channel, FileLock lock) {
        this.mark = mark;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Marks {@code database} as being imported from {@code source}. Call before the workspace is created.
     *
     * @throws FileAlreadyExistsException when the mark exists: another import has (or had) that workspace
     */
    public static UnfinishedImport begin(Path database, String source) throws IOException {
        Path mark = WorkspaceFiles.of(database).unfinishedImportMark();
        FileChannel channel = FileChannel.open(mark, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            OwnerOnly.file(mark);
            FileLock lock = channel.lock();
            String text = "The workbench is importing " + source + " into " + database.getFileName() + " (started "
                    + Instant.now() + " by process " + ProcessHandle.current().pid() + ").\n"
                    + "While this file exists the workspace is unfinished and never shown. If no workbench is running, "
                    + "the import was cut short: the next start of the workbench removes the workspace and this file.\n";
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            return new UnfinishedImport(mark, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(mark);
            throw e;
        }
    }

    public Path mark() {
        return mark;
    }

    /** The import is complete: the mark goes, and from now on the workspace is a finished one. */
    public void complete() throws IOException {
        close();
        Files.delete(mark);
    }

    /**
     * Releases the mark without removing it: the workspace stays marked as unfinished until its files are deleted
     * (the mark last, see {@link WorkspaceFiles#delete()}).
     */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}
