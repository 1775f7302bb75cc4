package org.villagepoints.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.UserAdmin;
import org.villagepoints.common.Sql;
import org.villagepoints.household.HouseholdRegistry;
import org.villagepoints.household.NewHousehold;
import org.villagepoints.ledger.LedgerAccounts;
import org.villagepoints.ledger.PostingService;
import org.villagepoints.ledger.TransferKind;
import org.villagepoints.ledger.TransferRequest;
import org.villagepoints.region.RegionAdmin;
import org.villagepoints.support.ApiTest;

/**
 * A village with 100,000 ledger entries in one month, posted through the ledger's batch API
 * (the triggers check every entry), exports completely in both formats. Both are read as
 * they arrive: the CSV record by record, the xlsx sheet by StAX, so neither side holds the
 * book. No timing is asserted; deploy/bench is the place for that.
 */
@MicronautTest(transactional = false)
class LargeExportTest extends ApiTest {

  static final int HOUSEHOLDS = 200;
  static final int ENTRIES = 100_000;
  static final int BATCH = 2_000;

  @Inject RegionAdmin regions;
  @Inject HouseholdRegistry households;
  @Inject LedgerAccounts accounts;
  @Inject PostingService posting;
  @Inject UserAdmin users;
  @Inject Sql sql;
  private long village;
  private String committee;

  @BeforeAll
  void postAHundredThousandEntries() {
    long district = sql.number("select id from districts order by id limit 1");
    long town = regions.town(district, "大数据测试镇");
    village = regions.village(town, "大数据测试村", "bigdata");
    long group = regions.group(village, "第1组", "测试组长", 1);
    List<Long> targets = new ArrayList<>();
    for (int i = 1; i <= HOUSEHOLDS; i++) {
      long household = households.open(new NewHousehold(village, group, "B%03d".formatted(i),
          "测试户" + i, null, null, List.of(new NewHousehold.NewMember("测试户" + i, "HEAD"))));
      targets.add(accounts.household(household));
    }
    long issuance = accounts.system(village, LedgerAccounts.SystemAccount.ISSUANCE);
    for (int start = 0; start < ENTRIES; start += BATCH) {
      List<TransferRequest> batch = new ArrayList<>(BATCH);
      for (int i = start; i < start + BATCH; i++) {
        batch.add(TransferRequest.of(village, TransferKind.AWARD, issuance,
            targets.get(i % HOUSEHOLDS), 1 + i % 5, "批量测试奖励", Instant.now(), null, null));
      }
      posting.post(Caller.SYSTEM, batch);
    }
    users.create("bigdata-committee", "demo123", "大数据测试村村委", Role.VILLAGE_COMMITTEE,
        UserAdmin.Scope.village(village));
    committee = api().login("bigdata-committee", "demo123");
  }

  private HttpResponse<InputStream> download(String format) {
    HttpResponse<InputStream> res = api().stream("/api/villages/" + village + "/exports/ledger."
        + format + "?month=" + YearMonth.now(Sql.ZONE), committee);
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("X-Export-Rows")).hasValue(Integer.toString(ENTRIES));
    assertThat(res.headers().firstValue("Content-Length")).isEmpty();
    return res;
  }

  @Test
  void aHundredThousandRowsStreamAsCsv() throws Exception {
    long records = 0;
    CSVRecord last = null;
    try (InputStream body = download("csv").body();
        Reader in = new InputStreamReader(body, StandardCharsets.UTF_8)) {
      assertThat(in.read()).isEqualTo(0xFEFF);
      for (CSVRecord r : CSVFormat.DEFAULT.parse(in)) {
        records++;
        last = r;
      }
    }
    assertThat(records).isEqualTo(1 + ENTRIES);
    long lastBalance = sql.number("select balance from ledger_accounts where id = (select"
        + " account_id from ledger_entries e join ledger_accounts a on a.id = e.account_id"
        + " where a.kind = 'HOUSEHOLD' and e.village_id = ? order by e.id desc limit 1)", village);
    assertThat(last.get(7)).isEqualTo(Long.toString(lastBalance));
  }

  @Test
  void aHundredThousandRowsStreamAsXlsx() throws Exception {
    int rows = 0;
    // commons-compress, as POI: java.util.zip cannot read POI's Zip64 data descriptors
    try (ZipArchiveInputStream zip = new ZipArchiveInputStream(download("xlsx").body())) {
      for (ZipArchiveEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(zip);
          while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT
                && xml.getLocalName().equals("row")) {
              rows++;
            }
          }
        }
      }
    }
    assertThat(rows).isEqualTo(2 + ENTRIES);
  }
}
