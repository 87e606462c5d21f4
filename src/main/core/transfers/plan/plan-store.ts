import { AppError } from '../../../../shared/errors';

/** Plans waiting for the user's answer; each is used once and expires. */
export class PlanStore<T extends { view: { planId: string }; expiresAt: number }> {
  private readonly plans = new Map<string, T>();

  constructor(private readonly maxPlans = 20) {}

  put(plan: T): void {
    this.prune();
    // Oldest first out: a user juggling many unanswered plans loses the oldest, not the newest.
    while (this.plans.size >= this.maxPlans) {
      const oldest = this.plans.keys().next().value;
      if (oldest === undefined) break;
      this.plans.delete(oldest);
    }
    this.plans.set(plan.view.planId, plan);
  }

  take(planId: string): T {
    this.prune();
    const plan = this.plans.get(planId);
    if (!plan) {
      throw new AppError('NotFound', 'This transfer plan has expired or was already started. Drop or choose the files again.', { planId });
    }
    this.plans.delete(planId);
    return plan;
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, plan] of this.plans) if (plan.expiresAt < now) this.plans.delete(id);
  }
}
