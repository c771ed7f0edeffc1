package uk.consumptioninsights.dataaccess.importer;

/**
 * The first line on which each (household, half-hour) key was imported, for duplicate detection. Open addressing over
 * primitive arrays: about 40 bytes per reading instead of the ~100 a boxed HashMap would take.
 */
final class FirstSeenLines {

    private static final int INITIAL_CAPACITY = 1 << 16;

    private long[] keys = new long[INITIAL_CAPACITY];
    /** 0 marks an empty slot: line numbers start at 1. */
    private long[] lines = new long[INITIAL_CAPACITY];
    private int size;

    /** Records {@code line} for {@code key} when the key is new and returns 0; otherwise returns the earlier line. */
    long putIfAbsent(long key, long line) {
        if (line <= 0) {
            throw new IllegalArgumentException("Line numbers start at 1, got " + line);
        }
        if (4L * (size + 1) > 3L * keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = hash(key) & mask;
        while (lines[slot] != 0) {
            if (keys[slot] == key) {
                return lines[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        lines[slot] = line;
        size++;
        return 0;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        lines = new long[oldLines.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldLines[i] != 0) {
                int slot = hash(oldKeys[i]) & mask;
                while (lines[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                lines[slot] = oldLines[i];
            }
        }
    }

    /** Keys of one household differ only in their low bits (consecutive half-hours), so spread them before masking. */
    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
