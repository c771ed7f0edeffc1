package uk.consumptioninsights.dataaccess.governance;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.consumptioninsights.dataaccess.provider.ProviderException;
import uk.consumptioninsights.dataaccess.provider.WarehouseSessions;
import uk.consumptioninsights.dataaccess.provider.failure.ProviderFailure;

/**
 * A warehouse that answers each statement by a fragment of its text: with a recorded result set, or with an error
 * shaped like the driver's. It records what was sent. Like {@link WarehouseSessions#with}, an SQLException leaving
 * the work becomes a classified {@link ProviderException}.
 */
final class ScriptedWarehouse implements WarehouseGovernance.Sessions {

    record Sent(String sql, List<Object> parameters) {
    }

    private final Map<String, Object> answers = new LinkedHashMap<>();
    private final List<Sent> sent = new ArrayList<>();

    ScriptedWarehouse answer(String fragment, String recording) {
        answers.put(fragment, recording);
        return this;
    }

    ScriptedWarehouse fail(String fragment, SQLException error) {
        answers.put(fragment, error);
        return this;
    }

    List<Sent> sent() {
        return sent;
    }

    List<String> sentSql() {
        return sent.stream().map(Sent::sql).toList();
    }

    @Override
    public <T> T with(WarehouseSessions.Work<T> work) {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            return work.run(connection(duck));
        } catch (SQLException e) {
            throw new ProviderException(ProviderFailure.classify(e));
        }
    }

    private Connection connection(Connection duck) {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "prepareStatement" -> statement(duck, (String) args[0]);
            case "close" -> null;
            case "isClosed" -> false;
            default -> throw new UnsupportedOperationException("Connection." + method.getName());
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private PreparedStatement statement(Connection duck, String sql) {
        Map<Integer, Object> bound = new TreeMap<>();
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "setString", "setLong", "setInt", "setObject" -> {
                bound.put((Integer) args[0], args[1]);
                yield null;
            }
            case "executeQuery" -> {
                sent.add(new Sent(sql, new ArrayList<>(bound.values())));
                yield respond(duck, sql);
            }
            case "close" -> null;
            default -> throw new UnsupportedOperationException("PreparedStatement." + method.getName());
        };
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private Object respond(Connection duck, String sql) throws SQLException {
        for (Map.Entry<String, Object> answer : answers.entrySet()) {
            if (sql.contains(answer.getKey())) {
                if (answer.getValue() instanceof SQLException error) {
                    throw error;
                }
                return Recordings.open(duck, (String) answer.getValue());
            }
        }
        throw new SQLException("[TEST] no answer scripted for: " + sql);
    }
}
