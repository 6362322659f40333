import { describe, expect, it } from "vitest";
import { approvalRefusal, checkClaim, checkRejectionReason, claimTotals, type ClaimForm } from "./claims";

const rules = { from: "2009-09-01", to: "2010-03-31", today: "2009-11-16" };
const form = (over: Partial<ClaimForm> = {}): ClaimForm => ({ amount: "£10,000", startDay: "1", startMonth: "10", startYear: "2009", endDay: "31", endMonth: "10", endYear: "2009", evidence: "Invoices 101–104 and timesheets for October.", ...over });
const totals = claimTotals(6_000_000, [
  { amountPence: 2_000_000, status: "approved" },
  { amountPence: 1_000_000, status: "submitted" },
  { amountPence: 5_000_000, status: "rejected" },
]);

describe("R-62 claims against the award", () => {
  it("R-62 what remains is the award less approved and pending claims; rejected ones do not count", () => {
    expect(totals).toEqual({ awardPence: 6_000_000, approvedPence: 2_000_000, pendingPence: 1_000_000, remainingPence: 3_000_000 });
  });

  it("R-62 a claim within what remains, for a period inside the programme, is accepted", () => {
    expect(checkClaim(form(), rules, totals)).toEqual({ ok: true, claim: { amountPence: 1_000_000, periodStart: "2009-10-01", periodEnd: "2009-10-31", spendEvidence: "Invoices 101–104 and timesheets for October." } });
    expect(checkClaim(form({ amount: "30000" }), rules, totals).ok).toBe(true);
  });

  it("R-62 R-73 a claim over the remaining award is refused, saying what remains", () => {
    expect(checkClaim(form({ amount: "£30,000.01" }), rules, totals)).toEqual({
      ok: false,
      errors: [["amount", "The amount claimed must be £30,000 or less: that is what remains of the £60,000 grant (£20,000 approved, £10,000 waiting for a decision)"]],
    });
    const full = claimTotals(6_000_000, [{ amountPence: 6_000_000, status: "approved" }]);
    expect(checkClaim(form({ amount: "1" }), rules, full)).toMatchObject({ ok: false, errors: [["amount", expect.stringMatching(/^Nothing is left to claim/)]] });
    expect(checkClaim(form({ amount: "0" }), rules, totals)).toMatchObject({ ok: false, errors: [["amount", "The amount claimed must be more than £0"]] });
  });

  it("R-62 R-73 dates outside the programme, in the future, not real, or back to front are refused", () => {
    const errors = (over: Partial<ClaimForm>) => (checkClaim(form(over), rules, totals) as { errors: unknown }).errors;
    expect(errors({ startDay: "31", startMonth: "8" })).toEqual([["periodStart", "The start of the claim period must be on or after 1 September 2009, when the pilot started"]]);
    expect(checkClaim(form({ endDay: "1", endMonth: "4", endYear: "2010" }), { ...rules, today: "2010-05-01" }, totals)).toEqual({ ok: false, errors: [["periodEnd", "The end of the claim period must be on or before 31 March 2010, when the programme ends"]] });
    expect(errors({ endDay: "17", endMonth: "11" })).toEqual([["periodEnd", "The end of the claim period must be today or in the past: claim for costs already incurred"]]);
    expect(errors({ startDay: "31", startMonth: "9" })).toEqual([["periodStart", "The date the claim period starts must be a real date"]]);
    expect(errors({ startDay: "20", endDay: "10" })).toEqual([["periodEnd", "The end of the claim period must be the same as or after its start"]]);
    expect(errors({ evidence: " " })).toEqual([["evidence", "Describe the spend the claim is for, with its evidence (for example, invoices and timesheets)"]]);
  });

  it("R-62 approval never takes the approved claims past the award", () => {
    expect(approvalRefusal({ amountPence: 4_000_000, awardPence: 6_000_000, approvedPence: 2_000_000 })).toBeNull();
    expect(approvalRefusal({ amountPence: 4_000_001, awardPence: 6_000_000, approvedPence: 2_000_000 })).toBe("Approving this claim of £40,000.01 would take the approved claims to £60,000.01, over the £60,000 grant – £40,000 is left to approve");
    expect(checkRejectionReason("")).toBe("Enter the reason for rejecting the claim");
  });
});
