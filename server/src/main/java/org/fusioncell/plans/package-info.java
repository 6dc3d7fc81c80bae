/**
 * Plans: national or regional action plans to prevent violent extremism (docs/plans.md). A plan is structured by
 * priority areas (by default the seven of the UN Secretary-General's Plan of Action), each with objectives,
 * outputs and actions; actions carry their lead body, partners, timeline, budget and funding; indicators on
 * actions are measured, disaggregated, and their progress rolled up to the plan. A plan carries a marking and is
 * need-to-know like everything else; every read and write is audited. CSV and IATI 2.03 exports of funded actions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans",
        allowedDependencies = {"shared", "access", "audit", "identity", "assessment"})
package org.fusioncell.plans;
