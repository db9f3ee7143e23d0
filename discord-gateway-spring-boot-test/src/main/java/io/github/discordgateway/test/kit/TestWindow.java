package io.github.discordgateway.test.kit;

/**
 * Where the current test began in the simulator's recordings (which only grow), so that awaits see only what
 * happened during the test. Shared by a {@link SimulatedDiscord} and the views made from it.
 */
final class TestWindow {

	private int firstFrame;

	private int firstRestCall;

	private int resumesBefore;

	private int resumesHandedOut;

	synchronized void begin(int frames, int restCalls, int resumes) {
		this.firstFrame = frames;
		this.firstRestCall = restCalls;
		this.resumesBefore = resumes;
		this.resumesHandedOut = 0;
	}

	synchronized int firstFrame() {
		return this.firstFrame;
	}

	synchronized int firstRestCall() {
		return this.firstRestCall;
	}

	/** Whether a resume beyond those already handed out happened in the window; if so, hands it out. */
	synchronized boolean takeResume(int resumesSoFar) {
		if (resumesSoFar - this.resumesBefore > this.resumesHandedOut) {
			this.resumesHandedOut++;
			return true;
		}
		return false;
	}

}
