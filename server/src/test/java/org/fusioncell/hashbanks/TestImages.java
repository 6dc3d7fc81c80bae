package org.fusioncell.hashbanks;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Pictures for the tests, drawn here: a scene per seed, a lightly edited copy, and broken files. */
final class TestImages {

    private TestImages() {
    }

    /** 256×256 shapes in many shades: enough gradient for a PDQ quality of 100. */
    static BufferedImage scene(long seed) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)));
        g.fillRect(0, 0, 256, 256);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)));
            int x = rnd.nextInt(256);
            int y = rnd.nextInt(256);
            if (rnd.nextBoolean()) {
                g.fillOval(x - 30, y - 30, 20 + rnd.nextInt(60), 20 + rnd.nextInt(60));
            } else {
                g.fillRect(x - 30, y - 30, 20 + rnd.nextInt(60), 20 + rnd.nextInt(60));
            }
        }
        g.dispose();
        return img;
    }

    /** The same scene a little brighter with a small caption: a near copy. */
    static BufferedImage edited(BufferedImage original) {
        BufferedImage img = new BufferedImage(original.getWidth(), original.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                Color c = new Color(original.getRGB(x, y));
                img.setRGB(x, y, new Color(Math.min(255, c.getRed() + 12), Math.min(255, c.getGreen() + 12),
                        Math.min(255, c.getBlue() + 12)).getRGB());
            }
        }
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(4, 240, 40, 12);
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) {
        return encode(img, "png");
    }

    static byte[] jpeg(BufferedImage img) {
        return encode(img, "jpeg");
    }

    private static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG signature and header followed by noise: an image that cannot be decoded. */
    static byte[] damagedPng(long seed) {
        byte[] good = png(scene(seed));
        byte[] bad = good.clone();
        Random rnd = new Random(seed);
        for (int i = 60; i < bad.length; i++) {
            bad[i] = (byte) rnd.nextInt(256);
        }
        return bad;
    }

    /** A RIFF/WEBP header: a format the JDK does not decode. */
    static byte[] webp() {
        byte[] b = new byte[64];
        System.arraycopy("RIFF".getBytes(), 0, b, 0, 4);
        System.arraycopy("WEBPVP8 ".getBytes(), 0, b, 8, 8);
        return b;
    }

    /**
     * A valid PNG header declaring 100,000 × 100,000 pixels with hardly any data: the shape of a decompression
     * bomb (the real ones hold a few MB of zlib that inflate to tens of GB).
     */
    static byte[] bomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = new byte[13];
        int side = 100_000;
        for (int i = 0; i < 2; i++) {
            ihdr[i * 4] = (byte) (side >>> 24);
            ihdr[i * 4 + 1] = (byte) (side >>> 16);
            ihdr[i * 4 + 2] = (byte) (side >>> 8);
            ihdr[i * 4 + 3] = (byte) side;
        }
        ihdr[8] = 8; // bit depth
        ihdr[9] = 0; // greyscale
        chunk(out, "IHDR", ihdr);
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        int n = data.length;
        out.writeBytes(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        byte[] t = type.getBytes();
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        long c = crc.getValue();
        out.writeBytes(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
    }
}
