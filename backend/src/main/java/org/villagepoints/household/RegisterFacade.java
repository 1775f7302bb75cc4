package org.villagepoints.household;

import jakarta.inject.Singleton;
import org.villagepoints.auth.Caller;

/** One call per handler: the write, then the fresh view of what was written. */
@Singleton
class RegisterFacade {

  private final HouseholdRegister register;
  private final HouseholdQuery query;

  RegisterFacade(HouseholdRegister register, HouseholdQuery query) {
    this.register = register;
    this.query = query;
  }

  IdResponse createGroup(Caller caller, long villageId, GroupForm form) {
    return new IdResponse(register.createGroup(caller, villageId, form));
  }

  IdResponse updateGroup(Caller caller, long groupId, GroupForm form) {
    register.updateGroup(caller, groupId, form);
    return new IdResponse(groupId);
  }

  HouseholdResponse create(Caller caller, long villageId, HouseholdForm form) {
    return query.get(caller, register.create(caller, villageId, form));
  }

  HouseholdResponse update(Caller caller, long householdId, HouseholdForm form) {
    register.update(caller, householdId, form);
    return query.get(caller, householdId);
  }

  HouseholdResponse move(Caller caller, long householdId, long groupId) {
    register.move(caller, householdId, groupId);
    return query.get(caller, householdId);
  }

  HouseholdResponse archive(Caller caller, long householdId) {
    register.archive(caller, householdId);
    return query.get(caller, householdId);
  }

  PinResponse resetPin(Caller caller, long householdId) {
    return register.resetPin(caller, householdId);
  }
}
