package app.ombud.support.indexes;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Writes the query shapes the tests of this JVM sent ({@link QueryShapes}) once they have all run. */
public class WriteQueryShapes implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        QueryShapes.INSTANCE.write();
    }
}
