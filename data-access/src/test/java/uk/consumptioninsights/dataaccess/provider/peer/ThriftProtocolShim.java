package uk.consumptioninsights.dataaccess.provider.peer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.databricks.internal.apache.thrift.TBase;
import com.databricks.internal.apache.thrift.protocol.TBinaryProtocol;
import com.databricks.internal.apache.thrift.protocol.TMessage;
import com.databricks.internal.apache.thrift.protocol.TMessageType;
import com.databricks.internal.apache.thrift.protocol.TProtocol;
import com.databricks.internal.apache.thrift.transport.TIOStreamTransport;
import com.databricks.internal.apache.thrift.transport.TMemoryInputTransport;
import com.databricks.jdbc.model.client.thrift.generated.TCLIService;
import com.databricks.jdbc.model.client.thrift.generated.TColumn;
import com.databricks.jdbc.model.client.thrift.generated.TFetchResultsResp;
import com.databricks.jdbc.model.client.thrift.generated.TGetResultSetMetadataReq;
import com.databricks.jdbc.model.client.thrift.generated.TGetResultSetMetadataResp;
import com.databricks.jdbc.model.client.thrift.generated.TOperationHandle;
import com.databricks.jdbc.model.client.thrift.generated.TOperationType;
import com.databricks.jdbc.model.client.thrift.generated.TProtocolVersion;
import com.databricks.jdbc.model.client.thrift.generated.TSparkRowSetType;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Test-only HTTP proxy between the real Databricks JDBC driver and a vanilla Spark Thrift Server. The driver refuses
 * non-Databricks servers on purpose, so this changes exactly five things (reference notes, section 2.3): the
 * OpenSession protocol in both directions, Bearer to Basic auth, the operation type of rebuilt handles, and the
 * Databricks-only result metadata and paging flag on fetch replies. Everything else passes through byte for byte.
 */
public final class ThriftProtocolShim implements AutoCloseable {

    private static final Set<String> HANDLE_CALLS =
            Set.of("FetchResults", "CloseOperation", "CancelOperation", "GetOperationStatus", "GetResultSetMetadata");
    private static final String BASIC_AUTH =
            "Basic " + Base64.getEncoder().encodeToString("token:x".getBytes(StandardCharsets.US_ASCII));

    private final HttpServer server;
    // A thread per request, so a relay the peer is slow to answer never keeps the next request waiting for a thread.
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "thrift-protocol-shim");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI backend;
    private final Duration relayTimeout;
    private final AtomicInteger seq = new AtomicInteger(1_000_000);
    private final AtomicLong bytesToDriver = new AtomicLong();
    private final AtomicLong repliesToDriver = new AtomicLong();

    private ThriftProtocolShim(URI backend, Duration relayTimeout) throws IOException {
        this.backend = backend;
        this.relayTimeout = relayTimeout;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Listens on 127.0.0.1 on an ephemeral port and forwards to {@code http://127.0.0.1:<peerPort>/cliservice}.
     *
     * @param relayTimeout how long one relay may wait for the peer: no longer than the driver waits for the answer
     */
    public static ThriftProtocolShim start(int peerPort, Duration relayTimeout) throws IOException {
        return new ThriftProtocolShim(URI.create("http://127.0.0.1:" + peerPort + "/cliservice"), relayTimeout);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Thrift reply bytes sent to the driver so far: what a warehouse would send over the network. */
    public long bytesToDriver() {
        return bytesToDriver.get();
    }

    public long repliesToDriver() {
        return repliesToDriver.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // The driver's SDK probes /.well-known/... on connect; a quick 404 is all it needs.
            if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().endsWith("/cliservice")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] reply = relay(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().set("Content-Type", "application/x-thrift");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            bytesToDriver.addAndGet(reply.length);
            repliesToDriver.incrementAndGet();
        } catch (Exception e) {
            System.err.println("shim: " + e);
        }
    }

    private byte[] relay(byte[] request) throws Exception {
        TProtocol in = new TBinaryProtocol(new TMemoryInputTransport(request));
        TMessage message = in.readMessageBegin();
        String name = message.name;
        if ("OpenSession".equals(name)) {
            var args = new TCLIService.OpenSession_args();
            args.read(in);
            args.getReq().setClient_protocol(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
            var result = new TCLIService.OpenSession_result();
            readReply(post(encode(message, args)), result);
            if (result.isSetSuccess()) {
                // The lowest version that passes the driver's "non Databricks compute" guard.
                result.getSuccess().setServerProtocolVersion(TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V1);
            }
            return encode(reply(message), result);
        }
        if ("FetchResults".equals(name)) {
            var args = new TCLIService.FetchResults_args();
            args.read(in);
            fixHandle(args.getReq().getOperationHandle());
            var result = new TCLIService.FetchResults_result();
            readReply(post(encode(message, args)), result);
            if (result.isSetSuccess()) {
                addDatabricksFields(result.getSuccess(), args.getReq().getOperationHandle(), args.getReq().getMaxRows());
            }
            return encode(reply(message), result);
        }
        if (HANDLE_CALLS.contains(name)) {
            TBase<?, ?> args = newStruct(name + "_args");
            args.read(in);
            Object req = args.getClass().getMethod("getReq").invoke(args);
            fixHandle((TOperationHandle) req.getClass().getMethod("getOperationHandle").invoke(req));
            return post(encode(message, args));
        }
        return post(request);
    }

    /** The driver rebuilds handles from the statement id with type UNKNOWN; Hive compares the type too. */
    private static void fixHandle(TOperationHandle handle) {
        if (handle != null && (!handle.isSetOperationType() || handle.getOperationType() == TOperationType.UNKNOWN)) {
            handle.setOperationType(TOperationType.EXECUTE_STATEMENT);
            handle.setHasResultSet(true);
        }
    }

    /** Databricks puts result metadata into every fetch reply and the driver relies on it; Spark never pages. */
    private void addDatabricksFields(TFetchResultsResp resp, TOperationHandle handle, long maxRows) throws Exception {
        if (resp.getResultSetMetadata() == null) {
            var args = new TCLIService.GetResultSetMetadata_args(new TGetResultSetMetadataReq(handle));
            var result = new TCLIService.GetResultSetMetadata_result();
            readReply(post(encode(new TMessage("GetResultSetMetadata", TMessageType.CALL, seq.incrementAndGet()), args)),
                    result);
            TGetResultSetMetadataResp metadata = result.getSuccess();
            metadata.setResultFormat(TSparkRowSetType.COLUMN_BASED_SET);
            resp.setResultSetMetadata(metadata);
        }
        resp.setHasMoreRows(resp.isSetResults() && rowCount(resp.getResults().getColumns()) == maxRows);
    }

    private static long rowCount(List<TColumn> columns) throws ReflectiveOperationException {
        if (columns == null || columns.isEmpty()) {
            return 0;
        }
        Object typed = columns.get(0).getFieldValue();
        return ((List<?>) typed.getClass().getMethod("getValues").invoke(typed)).size();
    }

    private byte[] post(byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(backend)
                .timeout(relayTimeout)
                .header("Content-Type", "application/x-thrift")
                .header("Authorization", BASIC_AUTH)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("peer answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static void readReply(byte[] bytes, TBase<?, ?> result) throws Exception {
        TProtocol in = new TBinaryProtocol(new TMemoryInputTransport(bytes));
        TMessage message = in.readMessageBegin();
        if (message.type == TMessageType.EXCEPTION) {
            throw new IOException("peer raised an exception for " + message.name);
        }
        result.read(in);
    }

    private static byte[] encode(TMessage message, TBase<?, ?> body) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TProtocol out = new TBinaryProtocol(new TIOStreamTransport(bytes));
        out.writeMessageBegin(message);
        body.write(out);
        out.writeMessageEnd();
        out.getTransport().flush();
        return bytes.toByteArray();
    }

    private static TMessage reply(TMessage call) {
        return new TMessage(call.name, TMessageType.REPLY, call.seqid);
    }

    private static TBase<?, ?> newStruct(String simpleName) throws ReflectiveOperationException {
        return (TBase<?, ?>) Class.forName(TCLIService.class.getName() + "$" + simpleName)
                .getDeclaredConstructor().newInstance();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
