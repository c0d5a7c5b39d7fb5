// Gallery steppers (docs/_ext/stepper.py): show one frame at a time, chosen with a range input.
// Without this script every frame stays visible, one below the other, each with its caption.
(function () {
  "use strict";

  function label(frame) {
    const caption = frame.querySelector("figcaption .caption-text") || frame.querySelector("figcaption");
    return caption ? caption.textContent.trim() : "";
  }

  function enhance(stepper) {
    const controls = stepper.querySelector(".stepper-controls");
    const input = controls && controls.querySelector('input[type="range"]');
    const output = controls && controls.querySelector("output");
    const frames = Array.from(stepper.querySelectorAll(".stepper-frame"));
    if (!input || !output || frames.length === 0) return;
    const labels = frames.map(label);

    function show(index) {
      frames.forEach((frame, i) => {
        frame.hidden = i !== index;
      });
      const text = `${labels[index]} (${index + 1} of ${frames.length})`;
      output.textContent = text;
      input.setAttribute("aria-valuetext", text);
    }

    input.addEventListener("input", () => show(Number(input.value)));
    stepper.classList.add("stepper-enhanced");
    controls.hidden = false;
    show(Math.min(Math.max(Number(input.value) || 0, 0), frames.length - 1));
  }

  function start() {
    document.querySelectorAll(".stepper").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
