package org.villagepoints.roster;

import java.util.List;
import org.villagepoints.household.NewHousehold.NewMember;

/** One valid roster line; {@code row} is the line number as Excel shows it. */
record RosterRow(int row, String code, String headName, String group, String address,
    String phone, List<NewMember> members, boolean lowIncome, long opening) {}
