package org.fusioncell.monitoring.delivery;
// TEMP placeholder (uncommitted) until branch delivery is merged
public interface AlertDelivery {
    void schedule(AlertNotice notice);
}
