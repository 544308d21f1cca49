package org.cofinance.infrastructure.workflow;

import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.cofinance.bpmn.FundingRequestProcess;

/**
 * Gives every user task of every model the application's notifications (the {@code taskNotifications} bean), on
 * creation and on assignment, without repeating a listener in each model.
 */
class TaskNotificationParseListener extends AbstractBpmnParseListener {

    private final TaskListener notifications;

    TaskNotificationParseListener(ExpressionManager expressionManager) {
        this.notifications = new DelegateExpressionTaskListener(
                expressionManager.createExpression("${" + FundingRequestProcess.TASK_NOTIFICATIONS + "}"), List.of());
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
            userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, notifications);
            userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, notifications);
        }
    }
}
