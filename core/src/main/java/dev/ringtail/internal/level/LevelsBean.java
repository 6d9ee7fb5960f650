package dev.ringtail.internal.level;

import dev.ringtail.LevelsMXBean;
import dev.ringtail.internal.config.Thresholds;
import java.util.Map;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.StandardMBean;

/** The {@code dev.ringtail:type=Levels} MBean over a {@link LevelRegistry}. */
public final class LevelsBean implements LevelsMXBean {
    public static final String NAME = "dev.ringtail:type=Levels";

    private final LevelRegistry<?> levels;

    public LevelsBean(LevelRegistry<?> levels) {
        this.levels = levels;
    }

    /**
     * What to register: this bean, its operations' parameters named {@code name} and
     * {@code level} for JMX consoles (an MXBean's are otherwise {@code p0}, {@code p1}).
     */
    public StandardMBean mbean() {
        return new StandardMBean(this, LevelsMXBean.class, true) {
            @Override
            protected String getParameterName(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
                return sequence == 0 ? "name" : "level";
            }
        };
    }

    @Override
    public String[] getConfigured() {
        Map<String, String> configured = levels.configuredLevels();
        String[] lines = new String[configured.size()];
        int i = 0;
        for (Map.Entry<String, String> entry : configured.entrySet()) {
            lines[i++] = entry.getKey() + "=" + entry.getValue();
        }
        return lines;
    }

    /** A JMX console cannot send null: an empty level means inherit here. */
    @Override
    public void setLevel(String name, String level) {
        levels.setLevel(name == null || name.isEmpty() ? null : name, level == null || level.isBlank() ? null : level);
    }

    @Override
    public String getLevel(String name) {
        return Thresholds.name(levels.threshold(name));
    }
}
