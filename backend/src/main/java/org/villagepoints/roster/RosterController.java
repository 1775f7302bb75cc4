package org.villagepoints.roster;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;

@Tag(name = "households")
@Controller("/api")
@Secured({Role.Names.VILLAGE_COMMITTEE})
@ExecuteOn(TaskExecutors.BLOCKING)
class RosterController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private final RosterImport imports;

  RosterController(RosterImport imports) {
    this.imports = imports;
  }

  @Operation(summary = "Roster template (CSV, UTF-8 with BOM)")
  @Get(value = "/imports/households/template.csv", produces = "text/csv")
  HttpResponse<byte[]> csvTemplate() {
    return HttpResponse.ok(RosterTemplate.csv())
        .header("Content-Disposition", "attachment; filename=\"roster-template.csv\"");
  }

  @Operation(summary = "Roster template (Excel .xlsx)")
  @Get(value = "/imports/households/template.xlsx", produces = XLSX)
  HttpResponse<byte[]> xlsxTemplate() {
    return HttpResponse.ok(RosterTemplate.xlsx())
        .header("Content-Disposition", "attachment; filename=\"roster-template.xlsx\"");
  }

  @Operation(summary = "Import a roster (.xlsx, or CSV in UTF-8 or GBK): all or nothing;"
      + " dryRun=true only checks")
  @Post(value = "/villages/{id}/imports/households", consumes = MediaType.MULTIPART_FORM_DATA)
  @InScope(village = "id")
  ImportResult importHouseholds(long id, @Nullable @QueryValue Boolean dryRun,
      CompletedFileUpload file, Authentication auth) {
    try {
      return imports.run(Caller.of(auth), id, file.getFilename(), file.getBytes(),
          Boolean.TRUE.equals(dryRun));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
