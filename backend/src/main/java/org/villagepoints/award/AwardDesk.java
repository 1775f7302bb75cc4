package org.villagepoints.award;

import jakarta.inject.Singleton;
import java.util.List;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.ops.ReadRouting;

/** Facade for the award endpoints: scope checks for ids that are not villages, then one call. */
@Singleton
class AwardDesk {

  private final AwardBatches batches;
  private final AwardQuery query;
  private final NoticeBoard board;
  private final AwardPolicies policies;
  private final ScopeGuard guard;
  private final ReadRouting reads;

  AwardDesk(AwardBatches batches, AwardQuery query, NoticeBoard board, AwardPolicies policies,
      ScopeGuard guard, ReadRouting reads) {
    this.batches = batches;
    this.query = query;
    this.board = board;
    this.policies = policies;
    this.guard = guard;
    this.reads = reads;
  }

  List<BatchResponse> list(long villageId) {
    return query.forVillage(villageId);
  }

  BatchResponse create(Caller caller, long villageId, BatchForm form) {
    return query.get(batches.create(caller, villageId, form));
  }

  BatchResponse get(Caller caller, long batchId) {
    guard.requireVillage(caller, batches.villageOfBatch(batchId), false);
    return query.get(batchId);
  }

  BatchResponse approve(Caller caller, long batchId) {
    guard.requireVillage(caller, batches.villageOfBatch(batchId), false);
    batches.approve(caller, batchId);
    return query.get(batchId);
  }

  IdOnly object(Caller caller, long itemId, String reason) {
    guard.requireVillage(caller, batches.villageOfItem(itemId), false);
    return new IdOnly(batches.object(caller, itemId, reason));
  }

  BatchResponse resolve(Caller caller, long objectionId, String resolution) {
    guard.requireVillage(caller, batches.villageOfObjection(objectionId), false);
    batches.resolve(caller, objectionId, resolution);
    return query.get(batchOfObjection(objectionId));
  }

  PolicyForm policy(long villageId) {
    return policies.get(villageId);
  }

  PolicyForm setPolicy(Caller caller, long villageId, PolicyForm form) {
    return policies.set(caller, villageId, form);
  }

  List<NoticeBoard.Notice> notices(long villageId) {
    return reads.read(() -> board.list(villageId)).value();
  }

  private long batchOfObjection(long objectionId) {
    return batches.batchOfObjection(objectionId);
  }
}
