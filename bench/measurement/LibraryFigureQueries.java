import java.sql.*;
public class Q {
  public static void main(String[] a) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:/tmp/mbench/db", "sa", "")) {
      String org = "11111111-1111-1111-1111-111111111111";
      String[] qs = {
        "SELECT i.space_id, i.kind, COUNT(*) AS n FROM library_version v JOIN library_item i ON i.id = v.item_id WHERE i.org_id = ? AND v.created_at >= ? AND v.created_at < ? GROUP BY i.space_id, i.kind",
        "SELECT i.space_id, COUNT(DISTINCT v.author_id) AS n FROM library_version v JOIN library_item i ON i.id = v.item_id WHERE i.org_id = ? AND v.created_at >= ? AND v.created_at < ? GROUP BY i.space_id",
        "SELECT i.space_id, COUNT(*) AS n FROM library_use u JOIN library_item i ON i.id = u.item_id WHERE u.org_id = ? AND i.org_id = u.org_id AND u.used_at >= ? AND u.used_at < ? GROUP BY i.space_id",
        "SELECT COUNT(DISTINCT v.author_id) FROM library_version v JOIN library_item i ON i.id = v.item_id WHERE i.org_id = ? AND v.created_at >= ? AND v.created_at < ?",
        "SELECT space_id, SUM(views) AS n FROM library_item WHERE org_id = ? GROUP BY space_id",
        "SELECT space_id, COUNT(*) AS n FROM library_item WHERE org_id = ? AND status = 'PUBLISHED' AND review_by < ? GROUP BY space_id",
      };
      for (int round = 0; round < 3; round++) { String toDay = "2026-12-0" + (2 + round) + "T00:00:00Z";
        long total = 0;
        for (String q : qs) {
          long t = System.nanoTime();
          try (PreparedStatement p = c.prepareStatement(q)) {
            p.setObject(1, java.util.UUID.fromString(org));
            if (q.contains("created_at >=") || q.contains("used_at >=")) {
              p.setObject(2, java.time.OffsetDateTime.parse("2025-12-02T00:00:00Z"));
              p.setObject(3, java.time.OffsetDateTime.parse(toDay));
            } else if (q.contains("review_by <")) {
              p.setObject(2, java.time.OffsetDateTime.parse("2026-12-02T00:00:00Z"));
            }
            try (ResultSet r = p.executeQuery()) { while (r.next()) {} }
          }
          long ms = (System.nanoTime() - t) / 1_000_000;
          total += ms;
          System.out.println(ms + " ms  " + q.substring(0, 70));
        }
        System.out.println("round " + round + ": " + total + " ms");
      }
    }
  }
}
