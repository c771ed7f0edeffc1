package uk.consumptioninsights.packaging;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the app icon (the "CI" mark of the window's header, white on the accent red) and writes it in each installer's
 * format: PNG for Linux, ICO for Windows and ICNS for macOS, the latter two holding PNG images as both formats allow.
 * Usage: {@code IconSet <output folder>}.
 */
public final class IconSet {

    static final String NAME = "workbench";
    private static final Color MARK = new Color(0xBD2426);

    private IconSet() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: IconSet <output folder>");
        }
        System.setProperty("java.awt.headless", "true");
        Path folder = Files.createDirectories(Path.of(args[0]));
        byte[] large = png(draw(256));
        byte[] small = png(draw(128));
        Files.write(folder.resolve(NAME + ".png"), large);
        Files.write(folder.resolve(NAME + ".ico"), ico(large, 256));
        Files.write(folder.resolve(NAME + ".icns"), icns(small, large));
        System.out.println("Icons written to " + folder);
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int inset = size / 16;
            g.setColor(MARK);
            g.fillRoundRect(inset, inset, size - 2 * inset, size - 2 * inset, size / 4, size / 4);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size * 9 / 20));
            FontMetrics metrics = g.getFontMetrics();
            String text = "CI";
            int x = (size - metrics.stringWidth(text)) / 2;
            int y = (size - metrics.getHeight()) / 2 + metrics.getAscent();
            g.drawString(text, x, y);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** An ICO with one PNG image (Windows Vista and later read these). */
    static byte[] ico(byte[] png, int size) {
        ByteBuffer b = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        b.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)).put((byte) 0).put((byte) 0);
        b.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(6 + 16);
        b.put(png);
        return b.array();
    }

    /** An ICNS with the 128 px ("ic07") and 256 px ("ic08") images as PNG. */
    static byte[] icns(byte[] png128, byte[] png256) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeBytes("icns");
            out.writeInt(8 + 8 + png128.length + 8 + png256.length);
            element(out, "ic07", png128);
            element(out, "ic08", png256);
        }
        return bytes.toByteArray();
    }

    private static void element(DataOutputStream out, String type, byte[] png) throws IOException {
        out.writeBytes(type);
        out.writeInt(8 + png.length);
        ((OutputStream) out).write(png);
    }
}
