package org.villagepoints.card;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import org.villagepoints.auth.Caller;

/** Facade for the card endpoints: data from {@link CardService}, drawing elsewhere. */
@Singleton
class CardPrinting {

  private final CardService service;
  private final CardSheet sheet;
  private final CardImage image;

  CardPrinting(CardService service, CardSheet sheet, CardImage image) {
    this.service = service;
    this.sheet = sheet;
    this.image = image;
  }

  /** Built in memory first (a village's sheet is small), so a failure never sends half a PDF. */
  byte[] sheet(long villageId, Long groupId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    sheet.write(service.printable(villageId, groupId), out);
    return out.toByteArray();
  }

  byte[] png(long householdId) {
    return image.png(service.printable(householdId));
  }

  Card reissue(Caller caller, long householdId) {
    return service.reissue(caller, householdId);
  }

  void revoke(Caller caller, long householdId) {
    service.revoke(caller, householdId);
  }

  CardHolder resolve(Caller caller, String payload) {
    return service.resolve(caller, payload);
  }
}
