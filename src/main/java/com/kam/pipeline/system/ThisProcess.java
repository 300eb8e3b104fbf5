package com.kam.pipeline.system;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This process as runs name their owner: pid@host, so that another process can tell who ran what. */
final class ThisProcess {

    private ThisProcess() {
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** pid@host. */
    static String id() {
        return pid() + "@" + host();
    }

    /**
     * Whether the process {@code pid} on {@code host} is known to have ended: only a process of
     * this machine can be asked; one of another machine may be alive.
     */
    static boolean ended(long pid, String host) {
        return host.equals(host()) && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
