package org.villagepoints.card;

/** The text and QR payload printed on one card. */
public record PrintedCard(String villageName, String householdCode, String headName,
    String groupName, String serial, String payload) {}
