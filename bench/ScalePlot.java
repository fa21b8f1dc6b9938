import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The scaling plot of docs/BENCHMARKS.md as a PNG, drawn with the JDK alone (no plotting library, no
 * ImageMagick): two panels, start to all RUNNING and daemon RSS against the program count, both daemons.
 * Run by bench/compare.py --sweep ... --png FILE as a single-file program:
 *
 * <pre>java -Djava.awt.headless=true bench/ScalePlot.java OUT.png COUNT,REF_S,REF_MIB,OURS_S,OURS_MIB ...</pre>
 */
public final class ScalePlot {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 380;
    private static final int PAD = 60;
    private static final Color REFERENCE = new Color(0xd62728);
    private static final Color OURS = new Color(0x1f77b4);

    /** One program count: the all-RUNNING seconds and RSS MiB of the reference [0] and ours [1]. */
    private record Point(int count, double[] seconds, double[] mib) {
        static Point parse(String arg) {
            String[] f = arg.split(",");
            return new Point(Integer.parseInt(f[0]), new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[3])},
                    new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[4])});
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ScalePlot OUT.png COUNT,REF_S,REF_MIB,OURS_S,OURS_MIB ...");
            System.exit(2);
        }
        List<Point> points = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            points.add(Point.parse(args[i]));
        }
        points.sort((a, b) -> Integer.compare(a.count(), b.count()));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        panel(g, 0, "start to all RUNNING (s)", points, true);
        panel(g, 1, "daemon RSS with all RUNNING (MiB)", points, false);
        g.setFont(g.getFont().deriveFont(Font.BOLD));
        g.setColor(REFERENCE);
        g.drawString("reference supervisord 4.2.5", PAD, HEIGHT - 8);
        g.setColor(OURS);
        g.drawString("JSupervisor", PAD + 260, HEIGHT - 8);
        g.dispose();
        ImageIO.write(image, "png", new File(args[0]));
    }

    private static void panel(Graphics2D g, int index, String title, List<Point> points, boolean seconds) {
        int panelWidth = WIDTH / 2;
        int x0 = index * panelWidth + PAD;
        int y0 = PAD / 2 + 4;
        int w = (int) (panelWidth - PAD * 1.5);
        int h = (int) (HEIGHT - PAD * 1.7);
        double top = 0;
        for (Point p : points) {
            double[] v = seconds ? p.seconds() : p.mib();
            top = Math.max(top, Math.max(v[0], v[1]));
        }
        top = niceCeiling(top * 1.05);
        int maxCount = points.get(points.size() - 1).count();
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        g.setFont(g.getFont().deriveFont(Font.BOLD));
        g.drawString(title, x0, y0 - 10);
        g.setFont(g.getFont().deriveFont(Font.PLAIN));
        for (int i = 0; i <= 4; i++) {
            int y = y0 + h - h * i / 4;
            g.setColor(new Color(0xdddddd));
            g.drawLine(x0, y, x0 + w, y);
            g.setColor(Color.BLACK);
            String label = String.format("%.0f", top * i / 4);
            g.drawString(label, x0 - 6 - fm.stringWidth(label), y + 4);
        }
        for (Point p : points) {
            int x = x0 + (int) ((long) w * p.count() / maxCount);
            String label = Integer.toString(p.count());
            g.drawString(label, x - fm.stringWidth(label) / 2, y0 + h + 16);
        }
        g.drawString("programs", x0 + w / 2 - fm.stringWidth("programs") / 2, y0 + h + 32);
        g.setColor(Color.GRAY);
        g.drawRect(x0, y0, w, h);
        g.setStroke(new BasicStroke(2f));
        for (int daemon = 0; daemon < 2; daemon++) {
            g.setColor(daemon == 0 ? REFERENCE : OURS);
            int px = -1;
            int py = -1;
            for (Point p : points) {
                double v = (seconds ? p.seconds() : p.mib())[daemon];
                int x = x0 + (int) ((long) w * p.count() / maxCount);
                int y = y0 + h - (int) (h * v / top);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                g.fillOval(x - 3, y - 3, 7, 7);
                px = x;
                py = y;
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}: round grid labels. */
    private static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private ScalePlot() {
    }
}
