//! The dyad timeline as an SVG chart, written by hand (no chart library).
//!
//! [`timeline_svg`] draws two panels sharing a time axis. The top panel has, per period, two
//! stacked bars: the left one for A -> B, the right one (paler) for B -> A; cooperation
//! (quad classes 1 and 2, greens) stacks up from a zero line, conflict (3 and 4, orange and
//! red) stacks down from it. The bottom panel plots each direction's Goldstein sum per period
//! (solid A -> B, dashed B -> A). Titles, axis labels, gridlines, a legend and a tooltip per
//! bar are included, so the file can go into a report as it is. Periods arrive in order with
//! gaps already filled; this module does not query or aggregate.

use std::fmt::Write as _;

/// One period of the chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartPeriod {
    /// `2019-04`, `2019-Q2` or `2019`.
    pub label: String,
    /// A -> B counts by quad class 1..4.
    pub ab: [u64; 4],
    /// B -> A counts by quad class 1..4.
    pub ba: [u64; 4],
    pub gold_ab: f64,
    pub gold_ba: f64,
}

/// What to draw.
#[derive(Clone, Debug)]
pub struct Chart<'a> {
    pub a: &'a str,
    pub b: &'a str,
    /// `month`, `quarter` or `year`.
    pub by: &'a str,
    /// A line under the title (what was counted, from where).
    pub note: String,
    pub periods: &'a [ChartPeriod],
}

const QUAD_COLORS: [&str; 4] = ["#74c476", "#1b7837", "#f4a442", "#c0282d"];
const QUAD_NAMES: [&str; 4] = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
const LINE_COLOR: &str = "#2b5c8a";
const W: f64 = 1000.0;
const H: f64 = 640.0;
const LEFT: f64 = 78.0;
const RIGHT: f64 = 24.0;
const BARS_TOP: f64 = 112.0;
const BARS_H: f64 = 290.0;
const GOLD_TOP: f64 = 450.0;
const GOLD_H: f64 = 120.0;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A step of 1, 2 or 5 times a power of ten giving about `n` intervals up to `max`.
fn nice_step(max: f64, n: f64, integer: bool) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let raw = max / n;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    if integer {
        step.max(1.0).round()
    } else {
        step
    }
}

fn fmt_num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

/// The SVG document.
pub fn timeline_svg(c: &Chart) -> String {
    let mut s = String::new();
    let plot_w = W - LEFT - RIGHT;
    let font = "font-family=\"Helvetica, Arial, sans-serif\"";
    let _ = writeln!(s, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" {font} font-size=\"12\">");
    let _ = writeln!(s, "<rect width=\"{W}\" height=\"{H}\" fill=\"#ffffff\"/>");
    let (a, b) = (esc(c.a), esc(c.b));
    let _ = writeln!(s, "<text x=\"{LEFT}\" y=\"30\" font-size=\"19\" font-weight=\"bold\" fill=\"#222\">{a} and {b}: cooperation and conflict by {}</text>", esc(c.by));
    let _ = writeln!(s, "<text x=\"{LEFT}\" y=\"50\" font-size=\"12\" fill=\"#555\">{}</text>", esc(&c.note));

    // Legend: quad classes, then the two directions.
    let mut lx = LEFT;
    for q in 0..4 {
        let _ = writeln!(s, "<rect x=\"{lx}\" y=\"66\" width=\"12\" height=\"12\" fill=\"{}\"/>", QUAD_COLORS[q]);
        let _ = writeln!(s, "<text x=\"{}\" y=\"77\" fill=\"#333\">{}</text>", lx + 17.0, QUAD_NAMES[q]);
        lx += 30.0 + QUAD_NAMES[q].len() as f64 * 6.4;
    }
    let _ = writeln!(s, "<rect x=\"{LEFT}\" y=\"86\" width=\"12\" height=\"12\" fill=\"#777\"/>");
    let _ = writeln!(s, "<text x=\"{}\" y=\"97\" fill=\"#333\">left bar: {a} \u{2192} {b}</text>", LEFT + 17.0);
    let _ = writeln!(s, "<rect x=\"{}\" y=\"86\" width=\"12\" height=\"12\" fill=\"#777\" fill-opacity=\"0.45\"/>", LEFT + 180.0);
    let _ = writeln!(s, "<text x=\"{}\" y=\"97\" fill=\"#333\">right bar (paler): {b} \u{2192} {a}</text>", LEFT + 197.0);

    let n = c.periods.len();
    if n == 0 {
        let _ = writeln!(s, "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"16\" fill=\"#555\">no events between {a} and {b}</text>", W / 2.0, BARS_TOP + BARS_H / 2.0);
        s.push_str("</svg>\n");
        return s;
    }
    // A little room between the y axis and the first bar.
    let pad = 6.0;
    let slot = (plot_w - pad) / n as f64;
    let x_of = |i: usize| LEFT + pad + slot * i as f64;

    // Bars panel: a scale with cooperation up and conflict down.
    let up = |q: &[u64; 4]| (q[0] + q[1]) as f64;
    let down = |q: &[u64; 4]| (q[2] + q[3]) as f64;
    let max_up = c.periods.iter().map(|p| up(&p.ab).max(up(&p.ba))).fold(0.0, f64::max);
    let max_down = c.periods.iter().map(|p| down(&p.ab).max(down(&p.ba))).fold(0.0, f64::max);
    let step = nice_step(max_up.max(max_down).max(1.0), 4.0, true);
    let top_v = (max_up / step).ceil().max(1.0) * step;
    let bot_v = (max_down / step).ceil() * step;
    let unit = BARS_H / (top_v + bot_v);
    let zero_y = BARS_TOP + top_v * unit;
    let mut v = -bot_v;
    while v <= top_v + 1e-9 {
        let y = zero_y - v * unit;
        let _ = writeln!(s, "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#e3e3e3\"/>", W - RIGHT);
        let _ = writeln!(s, "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#444\">{}</text>", LEFT - 6.0, y + 4.0, fmt_num(v.abs()));
        v += step;
    }
    s.push_str(GRID_MARK);
    let bw = (slot * 0.4).max(0.6);
    for (i, p) in c.periods.iter().enumerate() {
        for (dir, q, x, opacity, name) in [
            (0, &p.ab, x_of(i) + slot * 0.08, 1.0, format!("{} \u{2192} {}", c.a, c.b)),
            (1, &p.ba, x_of(i) + slot * 0.52, 0.45, format!("{} \u{2192} {}", c.b, c.a)),
        ] {
            let _ = dir;
            let tip = format!("{} {name}: {} verbal coop., {} material coop., {} verbal conflict, {} material conflict", p.label, q[0], q[1], q[2], q[3]);
            let _ = writeln!(s, "<g fill-opacity=\"{opacity}\"><title>{}</title>", esc(&tip));
            let mut y = zero_y;
            for k in [0usize, 1] {
                let h = q[k] as f64 * unit;
                if h > 0.0 {
                    y -= h;
                    let _ = writeln!(s, "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{bw:.2}\" height=\"{h:.2}\" fill=\"{}\"/>", QUAD_COLORS[k]);
                }
            }
            let mut y = zero_y;
            for k in [2usize, 3] {
                let h = q[k] as f64 * unit;
                if h > 0.0 {
                    let _ = writeln!(s, "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{bw:.2}\" height=\"{h:.2}\" fill=\"{}\"/>", QUAD_COLORS[k]);
                    y += h;
                }
            }
            s.push_str("</g>\n");
        }
    }
    let _ = writeln!(s, "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{zero_y:.1}\" y2=\"{zero_y:.1}\" stroke=\"#333\"/>", W - RIGHT);
    let _ = writeln!(s, "<line x1=\"{LEFT}\" x2=\"{LEFT}\" y1=\"{BARS_TOP}\" y2=\"{}\" stroke=\"#333\"/>", BARS_TOP + BARS_H);
    let mid = BARS_TOP + BARS_H / 2.0;
    let _ = writeln!(s, "<text transform=\"translate(22 {mid}) rotate(-90)\" text-anchor=\"middle\" fill=\"#333\">events per {} (conflict below the line)</text>", esc(c.by));

    // Goldstein panel.
    let gmax = c.periods.iter().map(|p| p.gold_ab.max(p.gold_ba)).fold(0.0, f64::max);
    let gmin = c.periods.iter().map(|p| p.gold_ab.min(p.gold_ba)).fold(0.0, f64::min);
    let gstep = nice_step((gmax - gmin).max(1.0), 3.0, false);
    let g_hi = (gmax / gstep).ceil().max(if gmin < 0.0 { 0.0 } else { 1.0 }) * gstep;
    let g_lo = (gmin / gstep).floor() * gstep;
    let g_y = |v: f64| GOLD_TOP + (g_hi - v) / (g_hi - g_lo) * GOLD_H;
    let mut v = g_lo;
    while v <= g_hi + 1e-9 {
        let y = g_y(v);
        let stroke = if v.abs() < 1e-9 { "#333" } else { "#e3e3e3" };
        let _ = writeln!(s, "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"{stroke}\"/>", W - RIGHT);
        let _ = writeln!(s, "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#444\">{}</text>", LEFT - 6.0, y + 4.0, fmt_num(v));
        v += gstep;
    }
    let _ = writeln!(s, "<line x1=\"{LEFT}\" x2=\"{LEFT}\" y1=\"{GOLD_TOP}\" y2=\"{}\" stroke=\"#333\"/>", GOLD_TOP + GOLD_H);
    let _ = writeln!(s, "<text transform=\"translate(22 {}) rotate(-90)\" text-anchor=\"middle\" fill=\"#333\">Goldstein sum</text>", GOLD_TOP + GOLD_H / 2.0);
    for (vals, dash, name) in [
        (c.periods.iter().map(|p| p.gold_ab).collect::<Vec<_>>(), "", format!("{} \u{2192} {}", c.a, c.b)),
        (c.periods.iter().map(|p| p.gold_ba).collect::<Vec<_>>(), " stroke-dasharray=\"5 3\"", format!("{} \u{2192} {}", c.b, c.a)),
    ] {
        let pts: Vec<String> = vals.iter().enumerate().map(|(i, g)| format!("{:.1},{:.1}", x_of(i) + slot / 2.0, g_y(*g))).collect();
        let _ = writeln!(s, "<polyline points=\"{}\" fill=\"none\" stroke=\"{LINE_COLOR}\" stroke-width=\"1.8\"{dash}/>", pts.join(" "));
        if n <= 120 {
            for (i, g) in vals.iter().enumerate() {
                let p = &c.periods[i];
                let counts = if dash.is_empty() { &p.ab } else { &p.ba };
                if counts.iter().sum::<u64>() == 0 {
                    continue;
                }
                let fill = if dash.is_empty() { LINE_COLOR } else { "#ffffff" };
                let _ = writeln!(
                    s,
                    "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.6\" fill=\"{fill}\" stroke=\"{LINE_COLOR}\"><title>{} {}: Goldstein sum {}</title></circle>",
                    x_of(i) + slot / 2.0,
                    g_y(*g),
                    esc(&c.periods[i].label),
                    esc(&name),
                    fmt_num(*g)
                );
            }
        }
    }
    let ly = GOLD_TOP - 12.0;
    let _ = writeln!(s, "<line x1=\"{}\" x2=\"{}\" y1=\"{ly}\" y2=\"{ly}\" stroke=\"{LINE_COLOR}\" stroke-width=\"1.8\"/>", W - RIGHT - 300.0, W - RIGHT - 276.0);
    let _ = writeln!(s, "<text x=\"{}\" y=\"{}\" fill=\"#333\">{a} \u{2192} {b}</text>", W - RIGHT - 270.0, ly + 4.0);
    let _ = writeln!(s, "<line x1=\"{}\" x2=\"{}\" y1=\"{ly}\" y2=\"{ly}\" stroke=\"{LINE_COLOR}\" stroke-width=\"1.8\" stroke-dasharray=\"5 3\"/>", W - RIGHT - 150.0, W - RIGHT - 126.0);
    let _ = writeln!(s, "<text x=\"{}\" y=\"{}\" fill=\"#333\">{b} \u{2192} {a}</text>", W - RIGHT - 120.0, ly + 4.0);

    // Time axis under the Goldstein panel; with many periods, label years only.
    let axis_y = GOLD_TOP + GOLD_H;
    let mut marks: Vec<(usize, String)> = match c.by {
        "month" if n > 24 => c.periods.iter().enumerate().filter(|(_, p)| p.label.ends_with("-01")).map(|(i, p)| (i, p.label[..4].to_string())).collect(),
        "quarter" if n > 16 => c.periods.iter().enumerate().filter(|(_, p)| p.label.ends_with("-Q1")).map(|(i, p)| (i, p.label[..4].to_string())).collect(),
        _ => c.periods.iter().enumerate().map(|(i, p)| (i, p.label.clone())).collect(),
    };
    if marks.is_empty() {
        marks.push((0, c.periods[0].label.clone()));
    }
    let label_w = marks.iter().map(|m| m.1.len()).max().unwrap_or(4) as f64 * 7.0 + 10.0;
    let room = (plot_w / label_w).floor().max(1.0) as usize;
    let every = marks.len().div_ceil(room).max(1);
    let mut grid = String::new();
    let year_ticks = marks.first().is_some_and(|m| m.1.len() == 4) && c.by != "year";
    for (j, (i, label)) in marks.iter().enumerate() {
        // A year label marks the start of its year; a period label the middle of its period.
        let x = if year_ticks { x_of(*i) } else { x_of(*i) + slot / 2.0 };
        let _ = writeln!(s, "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{axis_y}\" y2=\"{}\" stroke=\"#333\"/>", axis_y + 5.0);
        if year_ticks {
            // Year boundaries run faintly through both panels.
            for (y1, y2) in [(BARS_TOP, BARS_TOP + BARS_H), (GOLD_TOP, GOLD_TOP + GOLD_H)] {
                let _ = writeln!(grid, "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{y1}\" y2=\"{y2}\" stroke=\"#e8e8e8\"/>");
            }
        }
        if j % every == 0 {
            let _ = writeln!(s, "<text x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#333\">{}</text>", axis_y + 19.0, esc(label));
        }
    }
    let _ = writeln!(s, "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{axis_y}\" y2=\"{axis_y}\" stroke=\"#333\"/>", W - RIGHT);
    let first = &c.periods[0].label;
    let last = &c.periods[n - 1].label;
    let _ = writeln!(s, "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#333\">{} ({first} to {last})</text>", LEFT + plot_w / 2.0, H - 24.0, esc(c.by));
    s.push_str("</svg>\n");
    s.replacen(GRID_MARK, &grid, 1)
}

/// Where the year gridlines go: before the bars, so bars are drawn over them.
const GRID_MARK: &str = "<!-- grid -->\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(10.0, 4.0, true), 5.0);
        assert_eq!(nice_step(3.0, 4.0, true), 1.0);
        assert_eq!(nice_step(120.0, 4.0, true), 50.0);
        assert!((nice_step(7.0, 3.0, false) - 5.0).abs() < 1e-9);
    }

    #[test]
    fn empty_chart_says_so() {
        let svg = timeline_svg(&Chart { a: "PRK", b: "RUS", by: "month", note: String::new(), periods: &[] });
        assert!(svg.contains("no events between PRK and RUS"));
        assert!(svg.trim_end().ends_with("</svg>"));
    }
}
