package io.mlmd4j.jdbc.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmd4j.connect.ConnectionSettings;
import io.mlmd4j.connect.ConnectionUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The URL getURL() reports reads back as the same store, without login or backend scheme. */
class ReportedUrlTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:mlmd:fake",
      "jdbc:mlmd:sqlite:/tmp/a;b=c/metadata.sqlite",
      "jdbc:mlmd:sqlite:/tmp/metadata.sqlite?mode=READONLY",
      "jdbc:mlmd:sqlite:file:/tmp/metadata.sqlite",
      "jdbc:mlmd:mysql://db.example:3307/ml%20md?user=u&password=secret",
      "jdbc:mlmd:mysql://[::1]/mlmd?user=u",
      "jdbc:mlmd:mysql:///mlmd?socket=/run/mysqld/mysqld.sock&user=u"})
  void readsBackAsTheSameStore(String url) {
    ConnectionSettings given = ConnectionUrl.parse(url);
    String reported = ReportedUrl.of(given);
    assertThat(reported).startsWith("jdbc:mlmd:backend=").doesNotContain(":sqlite:")
        .doesNotContain(":mysql:").doesNotContain("secret").doesNotContain("user");
    ConnectionSettings back = ConnectionUrl.parse(ReportedUrl.toConnectable(reported));
    if (given.config().hasMysql()) {
      // the login is given again as properties
      assertThat(back.config().getMysql()).isEqualTo(given.config().getMysql().toBuilder()
          .clearUser().clearPassword().build());
    } else {
      assertThat(back.config()).isEqualTo(given.config());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdbc:mlmd:sqlite:/tmp/x.sqlite", "jdbc:mlmd:fake",
      "jdbc:mlmd:backendx=1"})
  void leavesOtherUrlsAsTheyAre(String url) {
    assertThat(ReportedUrl.toConnectable(url)).isEqualTo(url);
  }
}
